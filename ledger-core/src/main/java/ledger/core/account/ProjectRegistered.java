package ledger.core.account;

/** A project of a unit was seen for the first time. */
public record ProjectRegistered(UnitCode unit, ProjectCode project, String name) {}

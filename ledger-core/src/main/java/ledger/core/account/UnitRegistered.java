package ledger.core.account;

/** A unit was seen for the first time; its name is printed on every statement. */
public record UnitRegistered(UnitCode unit, String name) {}

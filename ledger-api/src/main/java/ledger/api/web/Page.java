package ledger.api.web;

import java.time.LocalDate;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.statement.StatementSet;
import org.springframework.ui.Model;

/** What every page of a unit-year shows in its header: the unit, the year, the as-of date, links. */
final class Page {

    private Page() {
    }

    static UnitCode unit(String unit) {
        return UnitCode.of(unit);
    }

    static FiscalYear year(int year) {
        return FiscalYear.of(year);
    }

    /**
     * Adds {@code set}, {@code links}, {@code unitName}, {@code year}, {@code asOf}, {@code page}.
     *
     * @param page which navigation entry is current: statements, checks, reconciliation, …
     */
    static Links context(Model model, StatementSet set, LocalDate asOf, String page) {
        Links links = new Links(set.unit().code(), set.year().value(), asOf);
        model.addAttribute("set", set);
        model.addAttribute("links", links);
        model.addAttribute("unit", set.unit().code());
        model.addAttribute("unitName", set.unitName());
        model.addAttribute("year", set.year().value());
        model.addAttribute("asOf", asOf);
        model.addAttribute("page", page);
        return links;
    }
}

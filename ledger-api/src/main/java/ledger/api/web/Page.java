package ledger.api.web;

import java.time.LocalDate;
import ledger.api.statement.StatementService;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.TemplateRefused;
import org.springframework.ui.Model;

/**
 * What every page of a unit-year shows in its header: the unit, the year, the as-of date, links.
 */
final class Page {

    private Page() {}

    static UnitCode unit(String unit) {
        return UnitCode.of(unit);
    }

    static FiscalYear year(int year) {
        return FiscalYear.of(year);
    }

    /** The built-in template a page is asked for ({@code ?template=2024-26}), or its year's. */
    static StatementTemplate template(String name, int year) {
        try {
            return StatementService.builtInTemplate(name, FiscalYear.of(year));
        } catch (TemplateRefused refused) {
            throw new IllegalArgumentException(
                    "参数 template：" + String.join("；", refused.problems()));
        }
    }

    /**
     * Adds {@code set}, {@code links}, {@code unitName}, {@code year}, {@code asOf}, {@code page}.
     *
     * @param page which navigation entry is current: statements, checks, reconciliation, …
     */
    static Links context(Model model, StatementSet set, LocalDate asOf, String page) {
        String template =
                set.template() == StatementTemplate.forYear(set.year().value())
                        ? null
                        : set.template().name();
        Links links = new Links(set.unit().code(), set.year().value(), asOf, template);
        model.addAttribute("template", set.template());
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

package ledger.api.statement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import ledger.api.catalog.YearCatalogs;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.projections.posting.Posting;
import ledger.projections.posting.PostingRepository;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.CellTrace;
import ledger.projections.statement.StatementEngine;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementTemplate;
import ledger.projections.statement.Trace;
import org.springframework.stereotype.Service;

/**
 * The year-end statements and the traces behind their figures, from the postings read model once it
 * has caught up with every stored event.
 */
@Service
public class StatementService {

    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private final PostingRepository postings;
    private final ProjectionStatus projections;
    private final YearCatalogs catalogs;

    public StatementService(
            PostingRepository postings, ProjectionStatus projections, YearCatalogs catalogs) {
        this.postings = postings;
        this.projections = projections;
        this.catalogs = catalogs;
    }

    /**
     * The 科目 names a year's statements print: that year's 科目表, so an earlier year keeps its names.
     */
    public ClassificationCatalog catalogOf(FiscalYear year) {
        return catalogs.forYear(year);
    }

    /**
     * The template a request names, by built-in name only (a server reads no file a client names),
     * or the year's: {@code 2020} up to 2023, {@code 2024} from 2024.
     *
     * @throws ledger.projections.statement.TemplateRefused for a name that is not built in
     */
    public static StatementTemplate builtInTemplate(String name, FiscalYear year) {
        return name == null || name.isBlank()
                ? StatementTemplate.forYear(year.value())
                : StatementTemplate.builtIn(name.strip());
    }

    /**
     * @param asOf null for the whole year; else only what is dated up to that day
     */
    public StatementSet statements(UnitCode unit, FiscalYear year, LocalDate asOf) {
        return statements(unit, year, asOf, StatementTemplate.forYear(year.value()));
    }

    /** As above, in the format of the given template. */
    public StatementSet statements(
            UnitCode unit, FiscalYear year, LocalDate asOf, StatementTemplate template) {
        projections.awaitReadable(CATCH_UP);
        return StatementEngine.compute(
                unit,
                unitName(unit),
                year,
                asOf,
                postings.postingsOf(unit, year),
                catalogOf(year),
                template);
    }

    /** The statements of every unit with postings in the year, in unit code order. */
    public List<StatementSet> statementsOfEveryUnit(FiscalYear year, LocalDate asOf) {
        return statementsOfEveryUnit(year, asOf, StatementTemplate.forYear(year.value()));
    }

    /** As above, in the format of the given template. */
    public List<StatementSet> statementsOfEveryUnit(
            FiscalYear year, LocalDate asOf, StatementTemplate template) {
        projections.awaitReadable(CATCH_UP);
        // Units are independent: one core reads a unit's postings while the other sums another's.
        ClassificationCatalog catalog = catalogOf(year);
        return postings.unitsOf(year).parallelStream()
                .map(
                        unit ->
                                StatementEngine.compute(
                                        unit,
                                        unitName(unit),
                                        year,
                                        asOf,
                                        postings.postingsOf(unit, year),
                                        catalog,
                                        template))
                .toList();
    }

    /**
     * @throws IllegalArgumentException when the table has no such row or column
     */
    public Trace trace(UnitCode unit, FiscalYear year, CellAddress cell, LocalDate asOf) {
        return trace(unit, year, cell, asOf, StatementTemplate.forYear(year.value()));
    }

    /**
     * The trace of a cell of the given template. @throws IllegalArgumentException when it has no
     * such cell
     */
    public Trace trace(
            UnitCode unit,
            FiscalYear year,
            CellAddress cell,
            LocalDate asOf,
            StatementTemplate template) {
        template.problemWith(cell)
                .ifPresent(
                        problem -> {
                            throw new IllegalArgumentException(
                                    "no such figure " + cell + ": " + problem);
                        });
        projections.awaitReadable(CATCH_UP);
        unitName(unit);
        List<Posting> ofUnitYear = postings.postingsOf(unit, year);
        return CellTrace.trace(cell, ofUnitYear, asOf, template);
    }

    private String unitName(UnitCode unit) {
        return postings.unitName(unit)
                .orElseThrow(
                        () ->
                                new ledger.core.text.Refusal(
                                        ledger.core.text.Reason.of("unit.noTransactions", unit)));
    }
}

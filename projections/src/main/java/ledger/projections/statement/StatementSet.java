package ledger.projections.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.money.Money;

/**
 * The 部门决算 of one unit for one fiscal year (as of a date, or the whole year): 表1 … 表9 with the
 * exact fen of every cell. It is a value computed from postings and never edited, so that a figure
 * can always be explained by tracing the postings behind it.
 */
public final class StatementSet {

    private final FiscalYear year;
    private final UnitCode unit;
    private final String unitName;
    private final LocalDate asOf;
    private final StatementTemplate template;
    private final List<StatementTable> tables;
    private final Map<String, StatementTable> byId;
    private final Map<CellAddress, Long> cellsFen;
    private final Map<CellAddress, BigDecimal> displayed;

    private StatementSet(
            FiscalYear year,
            UnitCode unit,
            String unitName,
            LocalDate asOf,
            StatementTemplate template,
            List<StatementTable> tables) {
        this.year = year;
        this.unit = unit;
        this.unitName = unitName;
        this.asOf = asOf;
        this.template = template;
        this.tables = List.copyOf(tables);
        this.byId = new HashMap<>();
        this.cellsFen = new HashMap<>();
        for (StatementTable table : this.tables) {
            byId.put(table.id(), table);
            cellsFen.putAll(table.cellsFen());
        }
        Map<CellAddress, BigDecimal> shown = new LinkedHashMap<>();
        this.tables.forEach(table -> shown.putAll(table.displayed()));
        this.displayed = Collections.unmodifiableMap(shown);
    }

    /** Lays out the non-zero cells of every table into the report's rows. */
    static StatementSet of(
            UnitCode unit,
            String unitName,
            FiscalYear year,
            LocalDate asOf,
            Map<CellAddress, Long> nonZeroCells,
            ClassificationCatalog catalog,
            StatementTemplate template) {
        Map<String, Map<CellAddress, Long>> byTable =
                nonZeroCells.entrySet().stream()
                        .collect(
                                Collectors.groupingBy(
                                        entry -> entry.getKey().table(),
                                        Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        List<StatementTable> tables = new ArrayList<>();
        for (TableTemplate layout : template.tables()) {
            Map<CellAddress, Long> cells = byTable.getOrDefault(layout.id(), Map.of());
            Set<String> rowsWithFigures =
                    cells.keySet().stream().map(CellAddress::row).collect(Collectors.toSet());
            List<StatementRow> rows = StatementRows.rowsOf(layout, rowsWithFigures, catalog);
            tables.add(new StatementTable(layout, rows, cells));
        }
        return new StatementSet(
                year, unit, unitName == null ? "" : unitName, asOf, template, tables);
    }

    public FiscalYear year() {
        return year;
    }

    public UnitCode unit() {
        return unit;
    }

    public String unitName() {
        return unitName;
    }

    /** The date the figures are as of, or empty for the whole year. */
    public Optional<LocalDate> asOf() {
        return Optional.ofNullable(asOf);
    }

    /** The format the set is laid out in. */
    public StatementTemplate template() {
        return template;
    }

    /** Where this set's template puts a cell the reports name. */
    public CellAddress address(NamedCell cell) {
        return template.address(cell);
    }

    /** 表1 … 表9, in order. */
    public List<StatementTable> tables() {
        return tables;
    }

    /**
     * @throws IllegalArgumentException for anything but T1 … T9
     */
    public StatementTable table(String id) {
        StatementTable table = byId.get(id);
        if (table == null) {
            throw new IllegalArgumentException("no table " + id + " (tables are T1 … T9)");
        }
        return table;
    }

    /** The exact fen of a cell; 0 for a blank cell. */
    public long fen(CellAddress cell) {
        return cellsFen.getOrDefault(cell, 0L);
    }

    public Money value(CellAddress cell) {
        return Money.ofFen(fen(cell));
    }

    /** 万元 as printed (half-up, two decimals) of every cell that does not print as 0.00. */
    public Map<CellAddress, BigDecimal> displayed() {
        return displayed;
    }

    /** The set as {@link Figures}, for checking it against the report's rules. */
    public Figures figures() {
        return Figures.of(this);
    }
}

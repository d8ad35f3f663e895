package ledger.projections.statement;

import java.util.List;
import java.util.Optional;

/**
 * The nine tables of the 部门决算 by identity, T1 … T9, with their 2020 layout (title, columns, which
 * cells exist) read from the built-in {@code 2020} {@link StatementTemplate}. Other formats are
 * other templates; code that must follow the format asks a statement set's template instead.
 */
public enum TableLayout {
    T1,
    T2,
    T3,
    T4,
    T5,
    T6,
    T7,
    T8,
    T9;

    public String id() {
        return name();
    }

    public int number() {
        return ordinal() + 1;
    }

    /** The 2020 title. */
    public String title() {
        return template().title();
    }

    /** The 2020 columns. */
    public List<StatementColumn> columns() {
        return template().columns();
    }

    /** The cells of this table that the reports name ({@link NamedCell}), where 2020 puts them. */
    public List<NamedCell> namedCells() {
        return NamedCell.of(this);
    }

    private TableTemplate template() {
        return StatementTemplate.standard().table(name());
    }

    /**
     * @throws IllegalArgumentException for anything but T1 … T9
     */
    public static TableLayout of(String id) {
        for (TableLayout layout : values()) {
            if (layout.name().equals(id)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("no table " + id + " (tables are T1 … T9)");
    }

    /** Why the address names no cell of the 2020 layout, or empty when it does. */
    public static Optional<String> problemWith(CellAddress cell) {
        return StatementTemplate.standard().problemWith(cell);
    }
}

package ledger.projections.statement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The figures of a published 部门决算, one per TSV line ({@code table<TAB>row<TAB>column<TAB>value},
 * {@code #} comments, blank lines allowed). They are {@link Figures} in their own right, so the
 * report's rules can be checked on the publication itself; the rows a table has are the rows the
 * file gives figures for.
 */
public final class PublishedFigures implements Figures {

    /** A plain decimal in 万元, optionally with thousands separators: 0, 12.9, 2,493.03, -1.50. */
    private static final Pattern NUMBER =
            Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");

    private final Map<CellAddress, PublishedFigure> figures;
    private final Map<String, Set<String>> rowsByTable;

    private PublishedFigures(Map<CellAddress, PublishedFigure> figures) {
        this.figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        figures.keySet()
                .forEach(
                        cell ->
                                rows.computeIfAbsent(cell.table(), table -> new LinkedHashSet<>())
                                        .add(cell.row()));
        this.rowsByTable = Collections.unmodifiableMap(rows);
    }

    /**
     * Reads the TSV.
     *
     * @throws IllegalArgumentException listing every bad line as {@code line N: reason}
     */
    public static PublishedFigures parse(Reader reader) {
        return parse(reader, StatementTemplate.standard());
    }

    /**
     * Reads the TSV, each address checked against the cells of the template.
     *
     * @throws IllegalArgumentException listing every bad line as {@code line N: reason}
     */
    public static PublishedFigures parse(Reader reader, StatementTemplate template) {
        Map<CellAddress, PublishedFigure> figures = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            String text;
            int number = 0;
            while ((text = lines.readLine()) != null) {
                number++;
                parseLine(stripBom(text, number), number, figures, errors, template);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read published figures", e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(
                    "published figures have "
                            + errors.size()
                            + " bad line(s):\n"
                            + String.join("\n", errors));
        }
        return new PublishedFigures(figures);
    }

    /** Figures given directly (tests, or figures read from elsewhere). */
    public static PublishedFigures of(List<PublishedFigure> figures) {
        Map<CellAddress, PublishedFigure> byCell = new LinkedHashMap<>();
        for (PublishedFigure figure : figures) {
            if (byCell.putIfAbsent(figure.cell(), figure) != null) {
                throw new IllegalArgumentException(figure.cell() + " is given twice");
            }
        }
        return new PublishedFigures(byCell);
    }

    /** Every figure in file order. */
    public List<PublishedFigure> figures() {
        return List.copyOf(figures.values());
    }

    public int size() {
        return figures.size();
    }

    /** The published value of a cell, or empty when the report leaves it blank. */
    public Optional<BigDecimal> published(CellAddress cell) {
        PublishedFigure figure = figures.get(cell);
        return figure == null ? Optional.empty() : Optional.of(figure.value());
    }

    /** The line of the TSV a cell came from, or empty. */
    public Optional<PublishedFigure> figure(CellAddress cell) {
        return Optional.ofNullable(figures.get(cell));
    }

    @Override
    public BigDecimal value(CellAddress cell) {
        return published(cell).orElse(BigDecimal.ZERO);
    }

    @Override
    public Set<String> rows(String table) {
        return rowsByTable.getOrDefault(table, Set.of());
    }

    private static void parseLine(
            String text,
            int number,
            Map<CellAddress, PublishedFigure> figures,
            List<String> errors,
            StatementTemplate template) {
        if (text.isBlank() || text.stripLeading().startsWith("#")) {
            return;
        }
        try {
            PublishedFigure figure = parseFigure(text, number, template);
            PublishedFigure earlier = figures.putIfAbsent(figure.cell(), figure);
            if (earlier != null) {
                errors.add(
                        "line "
                                + number
                                + ": "
                                + figure.cell()
                                + " is already given on line "
                                + earlier.line());
            }
        } catch (IllegalArgumentException e) {
            errors.add("line " + number + ": " + e.getMessage());
        }
    }

    private static PublishedFigure parseFigure(
            String text, int number, StatementTemplate template) {
        String[] fields = text.split("\t", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException(
                    "expected 4 tab-separated fields"
                            + " (table, row, column, value), got "
                            + fields.length);
        }
        CellAddress cell =
                CellAddress.parse(
                        fields[0].strip() + "/" + fields[1].strip() + "/" + fields[2].strip());
        template.problemWith(cell)
                .ifPresent(
                        problem -> {
                            throw new IllegalArgumentException(problem);
                        });
        return new PublishedFigure(number, cell, parseValue(fields[3].strip()));
    }

    private static BigDecimal parseValue(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("value is missing (leave a blank cell out instead)");
        }
        if (!NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "value must be a number in 万元 with at most two"
                            + " decimals, e.g. 2493.03, got: "
                            + value);
        }
        return new BigDecimal(value.replace(",", ""));
    }

    private static String stripBom(String text, int number) {
        return number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}

package ledger.api.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One of the report's charts (图1–图4) as data: a bar chart of this year against last, or a pie of a
 * structure, in 万元. Drawn in the browser with ECharts ({@link EChartsOptions}) and as PNG with
 * JFreeChart ({@link ChartImages}) from the same data.
 *
 * @param id {@code fig1} … {@code fig4}, {@code fig3-lei}
 * @param caption {@code 图 1：收、支决算总计变动情况}
 * @param categories bar: the years; pie: the slices
 * @param series bar: one series per bar colour; pie: exactly one
 */
public record Chart(
        String id, String caption, Type type, List<String> categories, List<Series> series) {

    /** How a chart is drawn. */
    public enum Type {
        BAR,
        PIE
    }

    /** A named row of values, one per category, in 万元. */
    public record Series(String name, List<BigDecimal> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    public Chart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series row : series) {
            if (row.values().size() != categories.size()) {
                throw new IllegalArgumentException(
                        id
                                + ": series "
                                + row.name()
                                + " has "
                                + row.values().size()
                                + " values for "
                                + categories.size()
                                + " categories");
            }
        }
    }

    /** True when there is nothing to draw (every value zero). */
    public boolean isEmpty() {
        return series.stream()
                .flatMap(row -> row.values().stream())
                .allMatch(value -> value.signum() == 0);
    }
}

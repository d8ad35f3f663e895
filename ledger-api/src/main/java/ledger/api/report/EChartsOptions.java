package ledger.api.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * A {@link Chart} as an Apache ECharts option object (JSON), drawn by the page's script. The
 * caption is the page's, under the chart as in the report; labels carry the amounts as the report
 * prints them (thousands separators, two decimals).
 */
public final class EChartsOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EChartsOptions() {}

    public static String of(Chart chart) {
        ObjectNode option = JSON.createObjectNode();
        option.put("animation", false);
        if (chart.type() == Chart.Type.BAR) {
            bar(chart, option);
        } else {
            pie(chart, option);
        }
        return option.toString();
    }

    private static void bar(Chart chart, ObjectNode option) {
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("legend").put("bottom", 0);
        option.putObject("grid").put("left", 70).put("right", 30).put("top", 40).put("bottom", 50);
        ArrayNode years = option.putObject("xAxis").put("type", "category").putArray("data");
        chart.categories().forEach(years::add);
        option.putObject("yAxis").put("type", "value").put("name", "万元");
        ArrayNode series = option.putArray("series");
        for (Chart.Series row : chart.series()) {
            ObjectNode bar =
                    series.addObject()
                            .put("name", row.name())
                            .put("type", "bar")
                            .put("barMaxWidth", 56);
            bar.putObject("label").put("show", true).put("position", "top");
            ArrayNode data = bar.putArray("data");
            for (BigDecimal value : row.values()) {
                ObjectNode item = data.addObject().put("value", value);
                item.putObject("label").put("formatter", Amounts.format(value));
            }
        }
    }

    private static void pie(Chart chart, ObjectNode option) {
        option.putObject("tooltip").put("trigger", "item").put("formatter", "{b}：{c} 万元（{d}%）");
        option.putObject("legend").put("bottom", 0);
        ObjectNode pie =
                option.putArray("series")
                        .addObject()
                        .put("type", "pie")
                        .put("name", chart.series().get(0).name())
                        .put("radius", "52%")
                        .put("percentPrecision", 1);
        pie.putArray("center").add("50%").add("47%");
        ArrayNode data = pie.putArray("data");
        for (int i = 0; i < chart.categories().size(); i++) {
            BigDecimal value = chart.series().get(0).values().get(i);
            ObjectNode item =
                    data.addObject().put("name", chart.categories().get(i)).put("value", value);
            item.putObject("label").put("formatter", "{b}\n" + Amounts.format(value) + " 万元（{d}%）");
        }
    }
}

package ledger.api.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

/**
 * Draws a {@link Chart} as a PNG with JFreeChart, for the command line ({@code ledger charts}).
 * Chinese needs a CJK font: the first installed one of the usual families is used (Debian's {@code
 * fonts-noto-cjk} gives Noto Sans CJK SC); without any, the charts are still drawn, with the
 * default font, and {@link #cjkFont()} is empty so the caller can warn.
 */
public final class ChartImages {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;

    private static final List<String> CJK_FAMILIES =
            List.of(
                    "Noto Sans CJK SC",
                    "Noto Sans SC",
                    "Source Han Sans SC",
                    "Source Han Sans CN",
                    "WenQuanYi Micro Hei",
                    "WenQuanYi Zen Hei",
                    "Microsoft YaHei",
                    "SimHei",
                    "PingFang SC",
                    "Noto Serif CJK SC",
                    "AR PL UMing CN");
    private static final String SAMPLE = "收支决算总计万元";
    private static final Color[] COLOURS = {
        new Color(0x54, 0x70, 0xc6),
        new Color(0x91, 0xcc, 0x75),
        new Color(0xfa, 0xc8, 0x58),
        new Color(0xee, 0x66, 0x66),
        new Color(0x73, 0xc0, 0xde),
        new Color(0x3b, 0xa2, 0x72),
        new Color(0xfc, 0x84, 0x52),
        new Color(0x9a, 0x60, 0xb4)
    };

    private ChartImages() {}

    /** The CJK font family charts are drawn with, or empty when none is installed. */
    public static Optional<String> cjkFont() {
        return InstalledFonts.CJK;
    }

    /** Looked up once, on first use. */
    private static final class InstalledFonts {
        static final Optional<String> CJK = findCjkFamily();
    }

    private static Optional<String> findCjkFamily() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<String> installed =
                List.of(
                        GraphicsEnvironment.getLocalGraphicsEnvironment()
                                .getAvailableFontFamilyNames());
        for (String preferred : CJK_FAMILIES) {
            if (installed.contains(preferred)) {
                return Optional.of(preferred);
            }
        }
        for (String family : installed) {
            if (new Font(family, Font.PLAIN, 12).canDisplayUpTo(SAMPLE) == -1) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    /** The chart as PNG bytes, {@link #WIDTH} × {@link #HEIGHT}. */
    public static byte[] png(Chart chart) {
        JFreeChart drawn = chart.type() == Chart.Type.BAR ? bar(chart) : pie(chart);
        String family = cjkFont().orElse(Font.SANS_SERIF);
        drawn.setTitle(new TextTitle(chart.caption(), new Font(family, Font.BOLD, 18)));
        drawn.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = drawn.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font(family, Font.PLAIN, 13));
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(bytes, drawn, WIDTH, HEIGHT);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw " + chart.id(), e);
        }
    }

    private static JFreeChart bar(Chart chart) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Chart.Series series : chart.series()) {
            for (int i = 0; i < chart.categories().size(); i++) {
                data.addValue(series.values().get(i), series.name(), chart.categories().get(i));
            }
        }
        JFreeChart drawn =
                new JFreeChart(
                        new CategoryPlot(
                                data,
                                new CategoryAxis(""),
                                new NumberAxis("万元"),
                                new BarRenderer()));
        String family = cjkFont().orElse(Font.SANS_SERIF);
        CategoryPlot plot = drawn.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.getDomainAxis().setTickLabelFont(new Font(family, Font.PLAIN, 13));
        plot.getRangeAxis().setLabelFont(new Font(family, Font.PLAIN, 13));
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setUpperMargin(0.15);
        range.setTickUnit(new NumberTickUnit(tickStep(chart), new DecimalFormat("#,##0")));
        range.setTickLabelFont(new Font(family, Font.PLAIN, 12));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        renderer.setItemMargin(0.04);
        renderer.setDefaultItemLabelGenerator(
                new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0.00")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(family, Font.PLAIN, 12));
        for (int i = 0; i < chart.series().size(); i++) {
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
        }
        return drawn;
    }

    /** About six gridlines: a step of 1, 2 or 5 times a power of ten. */
    private static double tickStep(Chart chart) {
        double max =
                chart.series().stream()
                        .flatMap(series -> series.values().stream())
                        .mapToDouble(BigDecimal::doubleValue)
                        .max()
                        .orElse(0);
        if (max <= 0) {
            return 1;
        }
        double raw = max / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double scaled = raw / magnitude;
        double step = scaled < 1.5 ? 1 : scaled < 3.5 ? 2 : scaled < 7.5 ? 5 : 10;
        return step * magnitude;
    }

    private static JFreeChart pie(Chart chart) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        Chart.Series series = chart.series().get(0);
        for (int i = 0; i < chart.categories().size(); i++) {
            data.setValue(chart.categories().get(i), series.values().get(i));
        }
        PiePlot<String> plot = new PiePlot<>(data);
        String family = cjkFont().orElse(Font.SANS_SERIF);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setShadowPaint(null);
        plot.setLabelFont(new Font(family, Font.PLAIN, 13));
        plot.setLabelGenerator(
                new StandardPieSectionLabelGenerator(
                        "{0}\n{1} 万元（{2}）",
                        new DecimalFormat("#,##0.00"), new DecimalFormat("0.0%")));
        plot.setNoDataMessage("无数据");
        plot.setNoDataMessageFont(new Font(family, Font.PLAIN, 14));
        for (int i = 0; i < chart.categories().size(); i++) {
            plot.setSectionPaint(chart.categories().get(i), COLOURS[i % COLOURS.length]);
        }
        return new JFreeChart(plot);
    }
}

package ledger.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import javax.imageio.ImageIO;
import ledger.projections.explanation.PriorYearFigures;
import ledger.projections.statement.StatementSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 图1–图4 of the 2020 sample as data, as ECharts options and as PNG drawn by JFreeChart. */
class ReportChartsTest {

    static StatementSet set;
    static PriorYearFigures prior;
    static List<Chart> charts;

    @BeforeAll
    static void chartsOfTheSample() {
        set = SampleStatements.statements();
        prior =
                PriorYearFigures.parse(
                        new StringReader(
                                "year\t2019\ntotal-income-expenditure\t2284.88\n"
                                        + "fiscal-income-expenditure\t2284.88\n"),
                        "test");
        charts = ReportCharts.of(set, prior);
    }

    @Test
    void theChartsAreTheReportsFourWithExpenditureAlsoByLei() {
        assertThat(charts)
                .extracting(Chart::id)
                .containsExactly("fig1", "fig2", "fig3", "fig3-lei", "fig4");
        Chart totals = charts.get(0);
        assertThat(totals.categories()).containsExactly("2019 年度", "2020 年度");
        assertThat(totals.series()).extracting(Chart.Series::name).containsExactly("收入总计", "支出总计");
        assertThat(totals.series().get(0).values())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2284.88"), new BigDecimal("2503.33"));
        Chart income = charts.get(1);
        assertThat(income.categories()).containsExactly("财政拨款收入");
        Chart expenditure = charts.get(2);
        assertThat(expenditure.categories()).containsExactly("基本支出", "项目支出");
        assertThat(expenditure.series().get(0).values())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1011.32"), new BigDecimal("1460.07"));
        assertThat(charts.get(3).categories())
                .containsExactly("一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出");
        assertThat(charts.get(4).series().get(1).values().get(1)).isEqualByComparingTo("2503.33");
    }

    @Test
    void withoutLastYearTheBarsShowThisYearOnly() {
        Chart totals =
                ReportCharts.of(set, PriorYearFigures.none(ledger.core.account.FiscalYear.of(2019)))
                        .get(0);
        assertThat(totals.categories()).containsExactly("2020 年度");
    }

    @Test
    void echartsOptionsCarryTheFiguresAsPrinted() {
        String bar = EChartsOptions.of(charts.get(0));
        assertThat(bar)
                .contains("\"type\":\"bar\"", "\"2019 年度\"", "\"formatter\":\"2,284.88\"", "万元");
        String pie = EChartsOptions.of(charts.get(2));
        assertThat(pie).contains("\"type\":\"pie\"", "\"name\":\"基本支出\"", "1,011.32 万元（{d}%）");
    }

    @Test
    void eachChartIsDrawnAsAPng() throws IOException {
        for (Chart chart : charts) {
            byte[] png = ChartImages.png(chart);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).as(chart.id()).isEqualTo(ChartImages.WIDTH);
            assertThat(image.getHeight()).as(chart.id()).isEqualTo(ChartImages.HEIGHT);
        }
    }
}

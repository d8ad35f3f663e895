package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import ledger.api.statement.SampleStatements;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The second real sample, {@code samples/2024-putuo-caizhengju/}, loaded the way its README tells a
 * user to, on a PostgreSQL database of its own: the journal is refused until the year's 科目表 is
 * loaded, then taken whole, and its statements give the figures of 上海市普陀区财政局's published 2024 部门决算
 * ({@code published.tsv}).
 *
 * <p>The statements are laid out in the report's own template, the sample's {@code template.json}:
 * a copy of the built-in {@code 2024} template with the 26 类 lines of 2020 (the built-in {@code
 * 2024-26} is the same file), so every cell is compared at the positional address of {@code
 * ../shared/reports/putuo-caizhengju-2024-layout.md} as published. The one place the report
 * contradicts itself (表1/表4 社会保障和就业 326.71 against 表3/表5 208 = 326.72) must come out as 表3 has it,
 * and reconciliation names it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PutuoSampleIT {

    private static final String URL = TestDatabase.create("putuo");
    private static final String UNIT = "putuo-caizhengju";

    /** 483 transactions, 4 projects and 1 unit registered. */
    private static final int JOURNAL_EVENTS = 483 + 4 + 1;

    /** Where the published report contradicts itself, the figure its own 表3/表5 give. */
    private static final Map<String, String> LEDGER_WHERE_PUBLISHED_CONTRADICTS =
            Map.of("T1/38/2", "326.72", "T4/40/2", "326.72", "T4/40/3", "326.72");

    @Test
    @Order(1)
    void theJournalIsRefusedWholeUntilThe2024CatalogIsLoaded() {
        CommandLineIT.Run run =
                CommandLineIT.ledger("import", "--db", URL, Samples.putuo2024Journal().toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "支出功能分类科目 2010608 不在 2024 年的科目表中", "ledger catalog import 文件 --year 2024");
        assertThat(events()).isZero();
    }

    @Test
    @Order(2)
    void theSamplesCatalogLoadsTheFiveCodesTheShippedOneLacks() {
        CommandLineIT.Run run =
                CommandLineIT.ledger(
                        "catalog",
                        "import",
                        "--db",
                        URL,
                        Samples.putuo2024Catalog().toString(),
                        "--year",
                        "2024");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("已载入 2024 年科目表 catalog.csv：5 个科目（功能分类 5，经济分类 0）");
        CommandLineIT.Run list =
                CommandLineIT.ledger(
                        "catalog", "list", "--db", URL, "--year", "2024", "--format", "tsv");
        assertThat(list.outLines())
                .contains(
                        "functional\t20106\t财政事务",
                        "functional\t2010601\t行政运行",
                        "functional\t2010608\t财政委托业务支出");
        assertThat(events()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void thenEveryRowOfTheJournalIsTaken() {
        CommandLineIT.Run run =
                CommandLineIT.ledger("import", "--db", URL, Samples.putuo2024Journal().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("已导入 journal.csv（按 UTF-8 读取）：483 行，新记入 483 行，已记过 0 行");
        assertThat(events()).isEqualTo(1 + JOURNAL_EVENTS);
    }

    @Test
    @Order(4)
    void theStatementsGiveEveryPublishedFigureButTheReportsOwnContradiction() {
        CommandLineIT.Run run =
                CommandLineIT.ledger(
                        "statements",
                        "--db",
                        URL,
                        "--year",
                        "2024",
                        "--unit",
                        UNIT,
                        "--format",
                        "json",
                        "--template",
                        Samples.putuo2024Template().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode set = SampleStatements.parse(run.out());
        SampleStatements.assertDomainForm(set, 2024, UNIT);
        assertThat(set.get("unitName").textValue()).isEqualTo("上海市普陀区财政局");
        assertThat(set.path("tables").path("T7").path("title").textValue())
                .isEqualTo("财政拨款“三公”经费支出决算表");

        Map<String, String> ledger = SampleStatements.cells(set);
        Map<String, String> expected = new HashMap<>(published());
        expected.putAll(LEDGER_WHERE_PUBLISHED_CONTRADICTS);
        assertThat(ledger).containsExactlyInAnyOrderEntriesOf(expected);
        // a few by hand: the report's one-fen tails come out as printed
        assertThat(ledger)
                .containsEntry("T3/total/1", "2940.05")
                .containsEntry("T3/total/2", "2336.91")
                .containsEntry("T2/2010601/1", "1511.90")
                .containsEntry("T6/301/1", "2082.85")
                .containsEntry("T6/302/1", "171.07")
                .containsEntry("T6/public-total/1", "184.65")
                .containsEntry("T7/1/11", "0.95")
                .containsEntry("T3/208/1", "326.72");

        CommandLineIT.Run builtIn =
                CommandLineIT.ledger(
                        "statements",
                        "--db",
                        URL,
                        "--year",
                        "2024",
                        "--unit",
                        UNIT,
                        "--format",
                        "json",
                        "--template",
                        "2024-26");
        assertThat(builtIn.exit()).as(builtIn.err()).isZero();
        assertThat(SampleStatements.cells(SampleStatements.parse(builtIn.out()))).isEqualTo(ledger);
    }

    @Test
    @Order(4)
    void theSameYearInTheOfficial24LineTemplateMovesTheLinesAfterTheTwoItDrops() {
        // 2024 without --template is the official template: 24 类 lines, so 表1 expenditure starts at
        // 29,
        // 208 社会保障和就业 is line 36 (not 38), and 总计 is line 28 / 56.
        CommandLineIT.Run run =
                CommandLineIT.ledger(
                        "statements",
                        "--db",
                        URL,
                        "--year",
                        "2024",
                        "--unit",
                        UNIT,
                        "--format",
                        "json");
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, String> cells = SampleStatements.cells(SampleStatements.parse(run.out()));
        assertThat(cells)
                .containsEntry("T1/36/2", "326.72")
                .containsEntry("T1/28/1", "2995.39")
                .containsEntry("T1/56/2", "2995.39")
                .doesNotContainKey("T1/38/2")
                .doesNotContainKey("T1/60/2");
        CommandLineIT.Run text =
                CommandLineIT.ledger("statements", "--db", URL, "--year", "2024", "--unit", UNIT);
        assertThat(text.out())
                .contains("二十四、抗疫特别国债安排的支出")
                .doesNotContain("债务还本支出", "行次", "栏次", "（表 1）");
    }

    @Test
    @Order(4)
    void reconcilingInTheReportsTemplateNamesTheReportsOwnContradictionAndNothingElse() {
        CommandLineIT.Run run =
                CommandLineIT.ledger(
                        "reconcile",
                        "--db",
                        URL,
                        "--year",
                        "2024",
                        "--unit",
                        UNIT,
                        "--template",
                        "2024-26",
                        "--published",
                        Samples.putuo2024Published().toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("公布数 195 个", "未解释 0 格", "已解释 T1/38/2：公布 326.71，账簿 326.72");
    }

    @Test
    @Order(5)
    void theLedgersOwnAuditRulesHold() {
        for (String template :
                new String[] {"2024", "2024-26", Samples.putuo2024Template().toString()}) {
            CommandLineIT.Run run =
                    CommandLineIT.ledger(
                            "check",
                            "--db",
                            URL,
                            "--year",
                            "2024",
                            "--unit",
                            UNIT,
                            "--template",
                            template);
            assertThat(run.exit()).as(template + ": " + run.out() + run.err()).isZero();
        }
    }

    @Test
    @Order(5)
    void traceAndExplanationTakeTheTemplateTooAndABadTemplateIsRefusedBeforeAnythingIsRead() {
        CommandLineIT.Run trace =
                CommandLineIT.ledger(
                        "trace",
                        "--db",
                        URL,
                        "--year",
                        "2024",
                        "--unit",
                        UNIT,
                        "--template",
                        "2024-26",
                        "T1/38/2",
                        "--format",
                        "json");
        assertThat(trace.exit()).as(trace.err()).isZero();
        assertThat(trace.out()).contains("\"figure\" : \"326.72\"");
        CommandLineIT.Run notInThe24Lines =
                CommandLineIT.ledger(
                        "trace", "--db", URL, "--year", "2024", "--unit", UNIT, "T1/60/2");
        assertThat(notInThe24Lines.exit()).isEqualTo(2);
        assertThat(notInThe24Lines.err()).contains("T1 rows are lines 1–56", "模板 2024 没有这个单元格");
        CommandLineIT.Run explanation =
                CommandLineIT.ledger(
                        "explanation",
                        "--db",
                        URL,
                        "--year",
                        "2024",
                        "--unit",
                        UNIT,
                        "--template",
                        "2024-26");
        assertThat(explanation.out())
                .contains("七、财政拨款“三公”经费支出决算情况说明", "十、预算绩效管理情况", "（一）机关运行经费支出情况");
        CommandLineIT.Run missing =
                CommandLineIT.ledger(
                        "statements",
                        "--db",
                        URL,
                        "--year",
                        "2024",
                        "--unit",
                        UNIT,
                        "--template",
                        "no-such-template.json");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("模板 no-such-template.json 不能使用", "既不是内置模板");
    }

    @Test
    @Order(6)
    void theDemoLoadsTheSampleWithItsCatalogAndReconcilesItWithNothingUnexplained() {
        String demoDatabase = TestDatabase.create("putuodemo");
        CommandLineIT.Run demo =
                CommandLineIT.ledger(
                        "demo", "--db", demoDatabase, "--sample", "2024-putuo-caizhengju");
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out())
                .startsWith("已载入 2024 年科目表 catalog.csv (2024-putuo-caizhengju)：5 个科目")
                .contains("已导入 journal.csv (2024 sample)（按 UTF-8 读取）：483 行，新记入 483 行", demoDatabase)
                .contains("收入支出决算总表", "上海市普陀区财政局", "2,995.39", "326.72")
                .contains(
                        "对账 Reconciliation with the published 2024 report:",
                        "对账：公布数 195 个",
                        "未解释 0 格",
                        "已解释 T1/38/2：公布 326.71，账簿 326.72");
        CommandLineIT.Run again =
                CommandLineIT.ledger(
                        "demo", "--db", demoDatabase, "--sample", "2024-putuo-caizhengju");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out())
                .startsWith("2024 年科目表已含样例的 5 个科目")
                .contains("已导入 journal.csv (2024 sample)（按 UTF-8 读取）：483 行，新记入 0 行，已记过 483 行");
    }

    @Test
    @Order(7)
    void aSampleTheApplicationDoesNotShipIsAUsageErrorNamingTheOnesItDoes() {
        CommandLineIT.Run run =
                CommandLineIT.ledger("demo", "--db", URL, "--sample", "2023-nowhere");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "没有名为 2023-nowhere 的样例账簿；可选：2020-jianghan-gov-office、2024-putuo-caizhengju");
        assertThat(events()).isEqualTo(1 + JOURNAL_EVENTS);
    }

    private static Map<String, String> published() {
        Map<String, String> figures = new LinkedHashMap<>();
        try {
            for (String line :
                    Files.readAllLines(Samples.putuo2024Published(), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                figures.put(
                        fields[0] + "/" + fields[1] + "/" + fields[2],
                        new BigDecimal(fields[3].strip())
                                .setScale(2, RoundingMode.UNNECESSARY)
                                .toPlainString());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(figures).hasSize(195);
        return figures;
    }

    private static long events() {
        try (Connection connection =
                        DriverManager.getConnection(
                                URL, TestDatabase.user(), TestDatabase.password());
                Statement statement = connection.createStatement();
                ResultSet count =
                        statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(11)
    void theExplanationNamesExactlyTheTwoSlipsOfThePublishedExplanation() {
        CommandLineIT.Run run =
                CommandLineIT.ledger(
                        "explanation",
                        "--db",
                        URL,
                        "--year",
                        "2024",
                        "--unit",
                        UNIT,
                        "--prior-year",
                        Samples.path("2024-putuo-caizhengju/prior-year-2023.tsv").toString(),
                        "--published",
                        Samples.path("2024-putuo-caizhengju/published-explanation.tsv").toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        // the figures the 情况说明 states and the ledger computes alike pass; the two it misstates are
        // named
        assertThat(run.out().lines().filter(line -> line.contains("[与账簿不符]")).toList())
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("财政拨款收、支总计：公布 0.3，账簿 2,961.68"))
                .anySatisfy(line -> assertThat(line).contains("一般公共服务支出（类）占比：公布 71.73%，账簿 71.7"));
        assertThat(run.out()).contains("2,993.92", "98.2", "184.65", "2.55", "1.40%");
    }

    @Test
    @Order(10)
    void theContradictedCellAndTheTwoFenTailTraceToTheJournalsExactAmounts() {
        // 208 (表1/表4 print 326.71, 表3 326.72): every expenditure on 208, from the journal file:
        // 326.716
        JsonNode social = trace("T3/208/1");
        assertThat(social.get("sumFen").longValue())
                .isEqualTo(journalExpenditureFen("208", ""))
                .isEqualTo(326_716_000L);
        assertThat(social.get("figure").textValue()).isEqualTo("326.72");
        // 表6 302: its 款 print 171.09 in all, itself 171.07, as published: the exact sum is 171.072
        JsonNode goods = trace("T6/302/1");
        assertThat(goods.get("sumFen").longValue())
                .isEqualTo(journalExpenditureFen("", "302"))
                .isEqualTo(171_072_000L);
        assertThat(goods.get("figure").textValue()).isEqualTo("171.07");
    }

    private static JsonNode trace(String cell) {
        CommandLineIT.Run run =
                CommandLineIT.ledger(
                        "trace",
                        "--db",
                        URL,
                        "--year",
                        "2024",
                        "--unit",
                        UNIT,
                        "--format",
                        "json",
                        cell);
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode trace = SampleStatements.parse(run.out());
        long sum = 0;
        for (JsonNode event : trace.get("events")) {
            sum += event.get("contributesFen").longValue();
        }
        assertThat(sum).isEqualTo(trace.get("sumFen").longValue());
        return trace;
    }

    /**
     * Fen spent on functional codes starting {@code functional} and economic codes starting {@code
     * economic} (basic spending only when an economic prefix is given), by the journal file alone,
     * less what its reversals undo.
     */
    private static long journalExpenditureFen(String functional, String economic) {
        String[] lines;
        try {
            lines =
                    Files.readAllLines(Samples.putuo2024Journal(), StandardCharsets.UTF_8).stream()
                            .filter(line -> !line.startsWith("#") && !line.isBlank())
                            .toArray(String[]::new);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Integer> column = new HashMap<>();
        String[] header = lines[0].split(",", -1);
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        Map<String, Long> counted = new HashMap<>();
        long fen = 0;
        for (int row = 1; row < lines.length; row++) {
            String[] f = lines[row].split(",", -1);
            String kind = f[column.get("kind")];
            if (kind.equals("expenditure")
                    && f[column.get("functional")].startsWith(functional)
                    && f[column.get("economic")].startsWith(economic)
                    && (economic.isEmpty() || !f[column.get("nature")].equals("project"))) {
                long amount =
                        new BigDecimal(f[column.get("amount")]).movePointRight(2).longValueExact();
                counted.put(f[column.get("id")], amount);
                fen += amount;
            } else if (kind.equals("reversal")) {
                fen -= counted.getOrDefault(f[column.get("reverses")], 0L);
            }
        }
        return fen;
    }
}

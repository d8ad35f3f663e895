package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A department of three units, as a user loads it: {@code samples/2020-demo-street} registered, its
 * 科目 loaded, its journal imported, all by the command line on a PostgreSQL database of its own. The
 * consolidated statements must equal the sum of the three units' own statements less the cells the
 * two transfers feed, worked out here by hand (not read from the product's working view); traces
 * add up across units; a bad department file or a transfer outside the department writes nothing; a
 * department's year closes for every unit or for none.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DepartmentCommandIT {

    private static final String URL = TestDatabase.create("department");
    private static final Path SAMPLE = Path.of("..", "samples", "2020-demo-street");
    private static final List<String> UNITS =
            List.of("demo-street-office", "demo-street-enforcement", "demo-street-service");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path files;

    private static CommandLineIT.Run run(String command, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = command;
        all[1] = "--db";
        all[2] = URL;
        System.arraycopy(args, 0, all, 3, args.length);
        return CommandLineIT.ledger(all);
    }

    private static CommandLineIT.Run department(String action, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "department";
        all[1] = action;
        all[2] = "--db=" + URL;
        System.arraycopy(args, 0, all, 3, args.length);
        return CommandLineIT.ledger(all);
    }

    private static Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void aDepartmentFileWithACycleIsRefusedWholeNamingTheLine() throws IOException {
        Path cycle =
                file(
                        "cycle.csv",
                        "department,department_name,unit,unit_name,kind,parent,from_year\n"
                                + "loop,环,loop-a,甲,行政单位,loop-c,2020\n"
                                + "loop,环,loop-b,乙,事业单位,loop-a,2020\n"
                                + "loop,环,loop-c,丙,企业,loop-b,2020\n");
        CommandLineIT.Run run = department("register", cycle.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("第 4 行，类型（kind）：单位性质须为 行政单位、事业单位 或 参公单位，不是 企业");
        Path fixed =
                file(
                        "cycle2.csv",
                        "department,department_name,unit,unit_name,kind,parent,from_year\n"
                                + "loop,环,loop-a,甲,行政单位,loop-c,2020\n"
                                + "loop,环,loop-b,乙,事业单位,loop-a,2020\n"
                                + "loop,环,loop-c,丙,参公单位,loop-b,2020\n");
        run = department("register", fixed.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("上级单位形成循环：");
        assertThat(events()).isZero();
    }

    @Test
    @Order(2)
    void theSampleDepartmentRegistersFromChineseHeadersAsOneEvent() throws IOException {
        CommandLineIT.Run run =
                department("register", SAMPLE.resolve("departments.csv").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("已登记 departments.csv：1 个部门的 3 个单位");
        assertThat(events()).isEqualTo(1);
        CommandLineIT.Run again =
                department("register", SAMPLE.resolve("departments.csv").toString());
        assertThat(again.out()).contains("未作改动");
        assertThat(events()).isEqualTo(1);
        Path other =
                file(
                        "culture.csv",
                        "部门,部门名称,单位,单位名称,单位性质,上级单位,起始年度\n"
                                + "demo-culture,示例文化局,demo-culture-office,示例文化局本级,行政单位,,2020\n");
        assertThat(department("register", other.toString()).exit()).isZero();
        CommandLineIT.Run list = department("list", "--year", "2020", "--format", "tsv");
        assertThat(list.outLines())
                .contains(
                        "demo-street\t示例街道办事处\tdemo-street-service\t示例街道社区事务受理服务中心\t事业单位\tdemo-street-office\t2020");
        assertThat(department("list", "--department", "demo-street").out())
                .contains("demo-street-enforcement", "参公单位", "下属单位，上级 demo-street-office")
                .doesNotContain("demo-culture");
    }

    @Test
    @Order(3)
    void theSampleYearImports() {
        CommandLineIT.Run catalog =
                CommandLineIT.ledger(
                        "catalog",
                        "import",
                        "--db=" + URL,
                        SAMPLE.resolve("catalog-2020.csv").toString(),
                        "--year",
                        "2020");
        assertThat(catalog.exit()).as(catalog.err()).isZero();
        CommandLineIT.Run imported = run("import", SAMPLE.resolve("journal.csv").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
    }

    @Test
    @Order(4)
    void aTransferOutsideTheDepartmentToItselfOrInAYearWithoutTheDepartmentWritesNothing()
            throws IOException {
        long before = events();
        String header = "id,date,kind,unit,fund,functional,economic,nature,amount,to_unit\n";
        CommandLineIT.Run outside =
                run(
                        "import",
                        file(
                                        "outside.csv",
                                        header
                                                + "X-1,2020-12-20,transfer,demo-street-office,other,2010302,30299,subsidy,100.00,demo-culture-office\n")
                                .toString());
        assertThat(outside.exit()).isEqualTo(1);
        assertThat(outside.err())
                .contains("第 2 行，收款单位（to_unit）：单位 demo-culture-office 在 2020 年不属于部门 demo-street");
        CommandLineIT.Run itself =
                run(
                        "import",
                        file(
                                        "itself.csv",
                                        header
                                                + "X-2,2020-12-20,transfer,demo-street-office,other,2010302,30299,subsidy,100.00,demo-street-office\n")
                                .toString());
        assertThat(itself.err()).contains("第 2 行，收款单位（to_unit）：不能划转给本单位");
        CommandLineIT.Run earlier =
                run(
                        "import",
                        file(
                                        "earlier.csv",
                                        header
                                                + "X-3,2019-12-20,transfer,demo-street-office,other,2010302,30299,subsidy,100.00,demo-street-service\n")
                                .toString());
        assertThat(earlier.err()).contains("第 2 行，单位（unit）：单位 demo-street-office 在 2019 年未登记在任何部门");
        CommandLineIT.Run overspent =
                run(
                        "import",
                        file(
                                        "overspent.csv",
                                        header
                                                + "X-4,2020-12-20,transfer,demo-street-office,other,2010302,30299,subsidy,130000.01,demo-street-service\n")
                                .toString());
        assertThat(overspent.err()).contains("第 2 行，金额（amount）：划转 130,000.01 元超过付款单位该预算行可用资金");
        CommandLineIT.Run upward =
                run(
                        "import",
                        file(
                                        "upward.csv",
                                        header
                                                + "X-5,2020-12-20,transfer,demo-street-office,other,2010302,30299,remit,100.00,demo-street-service\n")
                                .toString());
        assertThat(upward.err()).contains("第 2 行，收款单位（to_unit）：上缴上级只能上缴给直属上级单位");
        assertThat(events()).isEqualTo(before);
    }

    /** Every printed cell of a statements JSON, 万元. */
    private static Map<String, BigDecimal> cells(JsonNode statements) {
        Map<String, BigDecimal> cells = new TreeMap<>();
        statements
                .path("tables")
                .properties()
                .forEach(
                        table ->
                                table.getValue()
                                        .path("cells")
                                        .properties()
                                        .forEach(
                                                cell ->
                                                        cells.put(
                                                                table.getKey()
                                                                        + "/"
                                                                        + cell.getKey(),
                                                                new BigDecimal(
                                                                        cell.getValue()
                                                                                .asText()))));
        return cells;
    }

    private static JsonNode json(CommandLineIT.Run run) throws IOException {
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    /**
     * The cells a transfer feeds, worked out from DOMAIN.md's table rules, with the amount each
     * gets.
     */
    private static void transferCells(
            Map<String, BigDecimal> cells,
            String amount,
            String xiang,
            int incomeLine,
            int table2Column,
            int table3Column) {
        BigDecimal x = new BigDecimal(amount);
        String kuan = xiang.substring(0, 5);
        String lei = xiang.substring(0, 3);
        // Payer: an expenditure of 类 201 (表1 line 31) and its nature's 表3 column.
        for (String cell : List.of("T1/31/2", "T1/57/2")) {
            cells.merge(cell, x, BigDecimal::add);
        }
        for (String row : List.of(lei, kuan, xiang, "total")) {
            cells.merge("T3/" + row + "/1", x, BigDecimal::add);
            cells.merge("T3/" + row + "/" + table3Column, x, BigDecimal::add);
            cells.merge("T2/" + row + "/1", x, BigDecimal::add);
            cells.merge("T2/" + row + "/" + table2Column, x, BigDecimal::add);
        }
        // Receiver: income on its line, 本年收入合计, 总计; the closing balance (59) loses and gains it.
        for (String cell : List.of("T1/" + incomeLine + "/1", "T1/27/1", "T1/30/1", "T1/60/2")) {
            cells.merge(cell, x, BigDecimal::add);
        }
    }

    @Test
    @Order(5)
    void theConsolidatedStatementsAreTheUnitsSumLessTheTransfersWorkedOutByHand()
            throws IOException {
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (String unit : UNITS) {
            cells(json(run("statements", "--year", "2020", "--unit", unit, "--format", "json")))
                    .forEach((cell, value) -> expected.merge(cell, value, BigDecimal::add));
        }
        Map<String, BigDecimal> transfers = new HashMap<>();
        transferCells(transfers, "12.00", "2010302", 4, 3, 6); // T-1: 对附属单位补助支出 → 上级补助收入
        transferCells(transfers, "1.50", "2010350", 7, 6, 4); // T-2: 上缴上级支出 → 附属单位上缴收入
        transfers.forEach((cell, value) -> expected.merge(cell, value.negate(), BigDecimal::add));
        expected.values().removeIf(value -> value.signum() == 0);

        JsonNode consolidated =
                json(
                        run(
                                "statements",
                                "--year",
                                "2020",
                                "--department",
                                "demo-street",
                                "--format",
                                "json"));
        assertThat(consolidated.path("unit").asText()).isEqualTo("demo-street");
        assertThat(consolidated.path("unitName").asText()).isEqualTo("示例街道办事处");
        Map<String, BigDecimal> actual = cells(consolidated);
        assertThat(actual).isEqualTo(expected);
        // A few figures by hand, 万元 (samples/2020-demo-street/README.md).
        assertThat(actual)
                .containsEntry("T1/27/1", new BigDecimal("317.00"))
                .containsEntry("T1/31/2", new BigDecimal("245.00"))
                .containsEntry("T1/5/1", new BigDecimal("40.00")) // 事业收入
                .containsEntry("T1/6/1", new BigDecimal("8.00")) // 经营收入
                .containsEntry("T8/total/2", new BigDecimal("24.00")) // 政府性基金 拨款 20 + 4
                .containsEntry("T8/total/3", new BigDecimal("19.00")) // spent 15 + 4
                .containsEntry("T8/total/6", new BigDecimal("5.00"))
                .containsEntry("T9/total/1", new BigDecimal("5.00"))
                .doesNotContainKeys("T1/4/1", "T1/7/1", "T3/total/4", "T3/total/6");

        JsonNode working =
                json(
                        run(
                                "statements",
                                "--year",
                                "2020",
                                "--department",
                                "demo-street",
                                "--format",
                                "json",
                                "--view",
                                "working"));
        JsonNode superior = null;
        for (JsonNode cell : working.path("working")) {
            if (cell.path("cell").asText().equals("T1/4/1")) {
                superior = cell;
            }
        }
        assertThat(superior).isNotNull();
        assertThat(superior.path("sum").asText()).isEqualTo("12.00");
        assertThat(superior.path("eliminated").asText()).isEqualTo("12.00");
        assertThat(superior.path("consolidated").asText()).isEqualTo("0.00");
        assertThat(
                        run(
                                        "statements",
                                        "--year",
                                        "2020",
                                        "--department",
                                        "demo-street",
                                        "--view",
                                        "working")
                                .out())
                .contains("汇总", "抵销", "合并", "示例街道办事处");
    }

    @Test
    @Order(6)
    void aDepartmentsStatementsAndTracesFollowTheTemplateNamedAsAUnitsDo() throws IOException {
        Map<String, BigDecimal> unitsSum = new TreeMap<>();
        for (String unit : UNITS) {
            cells(
                            json(
                                    run(
                                            "statements",
                                            "--year",
                                            "2020",
                                            "--unit",
                                            unit,
                                            "--format",
                                            "json",
                                            "--template",
                                            "2024")))
                    .forEach((cell, value) -> unitsSum.merge(cell, value, BigDecimal::add));
        }
        unitsSum.values().removeIf(value -> value.signum() == 0);
        JsonNode working =
                json(
                        run(
                                "statements",
                                "--year",
                                "2020",
                                "--department",
                                "demo-street",
                                "--format",
                                "json",
                                "--view",
                                "working",
                                "--template",
                                "2024"));
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, BigDecimal> kept = new TreeMap<>();
        String eliminatedCell = null;
        for (JsonNode cell : working.path("working")) {
            BigDecimal sum = new BigDecimal(cell.path("sum").asText());
            BigDecimal eliminated = new BigDecimal(cell.path("eliminated").asText());
            BigDecimal consolidated = new BigDecimal(cell.path("consolidated").asText());
            assertThat(sum.subtract(eliminated))
                    .as(cell.toString())
                    .isEqualByComparingTo(consolidated);
            if (sum.signum() != 0) {
                sums.put(cell.path("cell").asText(), sum);
            }
            if (consolidated.signum() != 0) {
                kept.put(cell.path("cell").asText(), consolidated);
            }
            if (eliminated.signum() != 0 && eliminatedCell == null) {
                eliminatedCell = cell.path("cell").asText();
            }
        }
        // 汇总 in the 2024 format is the units' own 2024 statements added up; 合并 is what is
        // published.
        assertThat(sums).isEqualTo(unitsSum);
        assertThat(
                        cells(
                                json(
                                        run(
                                                "statements",
                                                "--year",
                                                "2020",
                                                "--department",
                                                "demo-street",
                                                "--format",
                                                "json",
                                                "--template",
                                                "2024"))))
                .isEqualTo(kept);
        assertThat(eliminatedCell)
                .as("the transfer legs are eliminated in the 2024 format too")
                .isNotNull();

        JsonNode trace =
                json(
                        run(
                                "trace",
                                "--year",
                                "2020",
                                "--department",
                                "demo-street",
                                eliminatedCell,
                                "--format",
                                "json",
                                "--template",
                                "2024"));
        assertThat(trace.path("eliminatedFen").asLong()).isNotZero();
        assertThat(trace.path("sumFen").asLong() - trace.path("eliminatedFen").asLong())
                .isEqualTo(trace.path("fen").asLong());
        assertThat(
                        BigDecimal.valueOf(trace.path("fen").asLong(), 6)
                                .setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo(kept.getOrDefault(eliminatedCell, BigDecimal.ZERO));

        CommandLineIT.Run unknown =
                run(
                        "statements",
                        "--year",
                        "2020",
                        "--department",
                        "demo-street",
                        "--template",
                        "no-such-template");
        assertThat(unknown.exit()).as(unknown.out() + unknown.err()).isEqualTo(1);
        assertThat(unknown.err()).contains("no-such-template");
    }

    @Test
    @Order(6)
    void everyRuleHoldsOnTheConsolidatedSet() {
        CommandLineIT.Run check = run("check", "--year", "2020", "--department", "demo-street");
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("demo-street 2020: 0 rules broken");
    }

    @Test
    @Order(6)
    void aDepartmentTraceGroupsTheEventsByUnitMarksTheEliminatedLegsAndAddsUp() throws IOException {
        JsonNode trace =
                json(
                        run(
                                "trace",
                                "--year",
                                "2020",
                                "--department",
                                "demo-street",
                                "T1/4/1",
                                "--format",
                                "json"));
        assertThat(trace.path("sumFen").asLong()).isEqualTo(12_000_000L);
        assertThat(trace.path("eliminatedFen").asLong()).isEqualTo(12_000_000L);
        assertThat(trace.path("fen").asLong()).isZero();
        JsonNode income =
                json(
                        run(
                                "trace",
                                "--year",
                                "2020",
                                "--department",
                                "demo-street",
                                "T1/27/1",
                                "--format",
                                "json"));
        long sum = 0;
        long eliminated = 0;
        int events = 0;
        for (JsonNode unit : income.path("units")) {
            long unitEvents = 0;
            for (JsonNode event : unit.path("trace").path("events")) {
                unitEvents += event.path("contributesFen").asLong();
                events++;
            }
            assertThat(unitEvents).isEqualTo(unit.path("fen").asLong());
            assertThat(unit.path("fen").asLong() - unit.path("eliminatedFen").asLong())
                    .isEqualTo(unit.path("keptFen").asLong());
            sum += unit.path("fen").asLong();
            eliminated += unit.path("eliminatedFen").asLong();
        }
        assertThat(income.path("units")).hasSize(3);
        assertThat(events).isEqualTo(income.path("eventCount").asInt());
        assertThat(sum).isEqualTo(income.path("sumFen").asLong()).isEqualTo(330_500_000L);
        assertThat(eliminated)
                .isEqualTo(income.path("eliminatedFen").asLong())
                .isEqualTo(13_500_000L);
        assertThat(income.path("fen").asLong()).isEqualTo(317_000_000L);
        String text = run("trace", "--year", "2020", "--department", "demo-street", "T1/4/1").out();
        assertThat(text).contains("== demo-street-service", "[抵销]", "T-1");
    }

    @Test
    @Order(7)
    void theDepartmentReconcilesWithItsPublishedFiguresAndWritesItsExplanation()
            throws IOException {
        JsonNode consolidated =
                json(
                        run(
                                "statements",
                                "--year",
                                "2020",
                                "--department",
                                "demo-street",
                                "--format",
                                "json"));
        StringBuilder tsv = new StringBuilder();
        cells(consolidated)
                .forEach(
                        (cell, value) ->
                                tsv.append(cell.replace('/', '\t'))
                                        .append('\t')
                                        .append(value.toPlainString())
                                        .append('\n'));
        Path published = file("published.tsv", tsv.toString());
        CommandLineIT.Run agrees =
                run(
                        "reconcile",
                        "--year",
                        "2020",
                        "--department",
                        "demo-street",
                        "--published",
                        published.toString());
        assertThat(agrees.exit()).as(agrees.out() + agrees.err()).isZero();
        Path wrong =
                file("wrong.tsv", tsv.toString().replace("T1\t27\t1\t317.00", "T1\t27\t1\t330.50"));
        CommandLineIT.Run differs =
                run(
                        "reconcile",
                        "--year",
                        "2020",
                        "--department",
                        "demo-street",
                        "--published",
                        wrong.toString());
        // The one figure typed wrong is named; the report's own rule 27 = 1+…+8 explains it.
        assertThat(differs.out()).as(differs.err()).contains("T1/27/1").doesNotContain("T1/31/2");
        CommandLineIT.Run explanation =
                run("explanation", "--year", "2020", "--department", "demo-street");
        assertThat(explanation.exit()).as(explanation.err()).isZero();
        assertThat(explanation.out()).contains("示例街道办事处", "317.00");
    }

    @Test
    @Order(8)
    void aDepartmentsYearClosesForEveryUnitOrForNone() {
        CommandLineIT.Run closed = run("close", "--year", "2020", "--department", "demo-street");
        assertThat(closed.exit()).as(closed.err()).isZero();
        assertThat(closed.out())
                .contains(
                        "已结转：单位 demo-street-office 的 2020 年度",
                        "已结转：单位 demo-street-enforcement 的 2020 年度",
                        "已结转：单位 demo-street-service 的 2020 年度",
                        "部门 demo-street 的 3 个单位已结转 2020 年");
        // 2021: one unit closed on its own first, so the department's close is refused whole.
        assertThat(run("close", "--year", "2021", "--unit", "demo-street-service").exit()).isZero();
        long before = events();
        CommandLineIT.Run refused = run("close", "--year", "2021", "--department", "demo-street");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("单位 demo-street-service：", "部门的各单位均未结转");
        assertThat(events()).isEqualTo(before);
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
}

package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ledger.api.statement.SampleStatements;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ledger …} in-process on a PostgreSQL database of its own ({@code --db}): what each command
 * prints on standard output and error, and its exit code — 0 success, 1 input refused (every reason
 * on stderr, nothing written), 2 usage error.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineIT {

    private static final String URL = TestDatabase.create("cli");
    private static final String UNIT = SampleStatements.UNIT;

    @TempDir static Path files;

    /** One run of the command line: exit code and what it printed. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    /** Runs {@code ledger args…}, capturing the command line's own standard output and error. */
    static Run ledger(String... args) {
        CommandLine cli = LedgerCommandLine.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** {@code ledger command --db URL args…}. */
    /** Runs {@code ledger close …}, answering its question with {@code answer}. */
    static Run closeAnswering(String answer, String... args) {
        CommandLine cli = LedgerCommandLine.commandLine();
        ((CloseCommand) cli.getSubcommands().get("close").getCommand()).answers =
                new java.io.BufferedReader(new java.io.StringReader(answer + "\n"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run onDatabase(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--db", URL));
        all.addAll(List.of(args));
        return ledger(all.toArray(String[]::new));
    }

    static Run statements(String... more) {
        List<String> args = new ArrayList<>(List.of("--year", "2020", "--unit", UNIT));
        args.addAll(List.of(more));
        return onDatabase("statements", args.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void usageErrorsExitWith2AndSayWhatIsWrong() {
        Run none = ledger();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("缺少子命令，可用：").contains("Usage: ledger");
        assertThat(none.out()).isEmpty();

        Run noYear = ledger("statements", "--unit", UNIT);
        assertThat(noYear.exit()).isEqualTo(2);
        assertThat(noYear.err())
                .contains("缺少必需的选项：--year=<year>")
                .contains("Missing required option: '--year");

        Run unknownOption =
                ledger("statements", "--year", "2020", "--unit", UNIT, "--colour", "red");
        assertThat(unknownOption.exit()).isEqualTo(2);
        assertThat(unknownOption.err())
                .contains("无法识别的选项：--colour red")
                .contains("Unknown option")
                .contains("--colour");
        Run notANumber = ledger("statements", "--year", "二〇二〇", "--unit", UNIT);
        assertThat(notANumber.exit()).isEqualTo(2);
        assertThat(notANumber.err()).contains("选项 --year=<year> 的值无效：二〇二〇");

        // Our own usage errors are Chinese first, from the message catalog, with the options'
        // English names.
        Run neither = ledger("execution", "--year", "2020");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("请给出 --unit U（单位）或 --department D（部门）二者之一");
        Run noOut = ledger("statements", "--year", "2020", "--unit", UNIT, "--format", "xlsx");
        assertThat(noOut.exit()).isEqualTo(2);
        assertThat(noOut.err()).contains("--format xlsx 写出工作簿：请用 --out FILE.xlsx 给出文件");

        Run unknownCommand = ledger("balance");
        assertThat(unknownCommand.exit()).isEqualTo(2);
        assertThat(unknownCommand.err()).contains("无法识别的参数：balance");
        Run misspelt = ledger("statemnts");
        assertThat(misspelt.err()).contains("是否要输入：").contains("statements");

        assertThat(
                        ledger(
                                        "statements",
                                        "--year",
                                        "2020",
                                        "--unit",
                                        UNIT,
                                        "--as-of",
                                        "2020-06-31")
                                .exit())
                .isEqualTo(2);
        assertThat(ledger("statements", "--year", "2020", "--unit", UNIT, "--format", "pdf").exit())
                .isEqualTo(2);
        assertThat(ledger("import").err())
                .contains(
                        "缺少必需的参数：FILE",
                        "Missing required parameter: 'FILE'",
                        "--mapping",
                        "--sheet");

        Run badCell = ledger("trace", "--year", "2020", "--unit", UNIT, "T3/2010302");
        assertThat(badCell.exit()).isEqualTo(2);
        assertThat(badCell.err()).contains("table/row/column");
        Run noSuchColumn = ledger("trace", "--year", "2020", "--unit", UNIT, "T3/2010302/9");
        assertThat(noSuchColumn.exit()).isEqualTo(2);
        assertThat(noSuchColumn.err()).contains("no column 9");

        Run notJdbc =
                ledger(
                        "check",
                        "--db",
                        "postgres://localhost/ledger",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT);
        assertThat(notJdbc.exit()).isEqualTo(2);
        assertThat(notJdbc.err()).contains("--db 应为 JDBC 地址");

        Run help = ledger("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains(
                        "import",
                        "statements",
                        "trace",
                        "check",
                        "reconcile",
                        "replay",
                        "close",
                        "serve",
                        "demo",
                        "verify",
                        "record");
    }

    @Test
    @Order(2)
    void aBadJournalExitsWith1ListingEveryBadRowOnStderrAndWritesNothing() throws Exception {
        Path bad = files.resolve("bad.csv");
        Files.writeString(
                bad,
                String.join(
                        "\n",
                        "id,date,kind,unit,unit_name,fund,functional,economic,nature,amount",
                        "X-1,2020-01-08,budget,jianghan-gov-office,武汉市江汉区人民政府办公室,general,2010301,30101,,1000.00",
                        "X-2,2020-13-01,budget,jianghan-gov-office,,general,2010301,30102,,1000.00",
                        "X-3,2020-01-09,appropriation,jianghan-gov-office,,general,2010301,30101,,1000.001",
                        "X-4,2020-01-10,expenditure,jianghan-gov-office,,general,2010397,30101,personnel,10.00",
                        "X-5,2020-01-11,expenditure,jianghan-gov-office,,general,2010301,30101,personnel,10.00",
                        ""),
                StandardCharsets.UTF_8);
        Run run = onDatabase("import", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("已拒绝：共")
                .contains("没有写入任何内容")
                .contains("第 3 行，日期（date）：")
                .contains("第 4 行，金额（amount）：")
                .contains("第 5 行，功能分类（functional）：")
                .contains(
                        "第 6 行，金额（amount）：") // no money on the line: its appropriation was refused
                .doesNotContain("line 2,");
        assertThat(eventCount()).isZero();

        Run missing = onDatabase("import", files.resolve("no-such.csv").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("已拒绝：文件不存在：");
    }

    @Test
    @Order(3)
    void importPrintsOneSummaryLineAndAgainChangesNothing() {
        Run run = onDatabase("import", Samples.jianghan2020Journal().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(1);
        assertThat(run.out())
                .startsWith("已导入 journal.csv（按 UTF-8 读取）：476 行，新记入 476 行，已记过 0 行，写入 487 个事件，用时 ")
                .contains(URL);
        assertThat(eventCount()).isEqualTo(SampleStatements.EVENTS);

        Run again = onDatabase("import", Samples.jianghan2020Journal().toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out())
                .startsWith("已导入 journal.csv（按 UTF-8 读取）：476 行，新记入 0 行，已记过 476 行，写入 0 个事件，用时 ");
        assertThat(eventCount()).isEqualTo(SampleStatements.EVENTS);
    }

    @Test
    @Order(4)
    void statementsAsJsonAreDomainJsonAndTheTextIsTheReportLayout() throws IOException {
        Run json = statements("--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        SampleStatements.assertIsThe2020Sample(SampleStatements.parse(json.out()));

        Run text = statements();
        assertThat(text.exit()).isZero();
        assertThat(text.out())
                .contains(
                        "收入支出决算总表",
                        "2,493.03",
                        "部门：武汉市江汉区人民政府办公室",
                        "单位：万元",
                        "1,197.34",
                        "一般行政管理事务");
        for (int table = 1; table <= 9; table++) {
            assertThat(text.out()).contains("（表 " + table + "）");
        }

        Path file = files.resolve("statements.json");
        Run toFile = statements("--format", "json", "--out", file.toString());
        assertThat(toFile.exit()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(toFile.err()).contains("wrote " + file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(json.out());
    }

    @Test
    @Order(5)
    void statementsAsOfADateCountOnlyWhatIsDatedUpToIt() {
        LocalDate midYear = LocalDate.of(2020, 6, 30);
        Run run = statements("--format", "json", "--as-of", midYear.toString());
        assertThat(run.exit()).isZero();
        JsonNode set = SampleStatements.parse(run.out());
        SampleStatements.assertDomainForm(set, 2020, UNIT);
        assertThat(SampleStatements.cells(set))
                .containsEntry(
                        "T1/57/2",
                        SampleStatements.wanYuan(SampleStatements.expenditureFenUpTo(midYear)));
        assertThat(SampleStatements.cells(set).get("T1/57/2")).isNotEqualTo("2471.39");
    }

    @Test
    @Order(6)
    void checkExitsWith0AndPrintsOnlyNotes() {
        Run run = onDatabase("check", "--year", "2020", "--unit", UNIT);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.get(lines.size() - 1))
                .startsWith("jianghan-gov-office 2020: 0 rules broken, ");
        assertThat(lines.subList(0, lines.size() - 1))
                .allSatisfy(line -> assertThat(line).startsWith("NOTE "));
    }

    @Test
    @Order(7)
    void reconcileExitsWith0AndNamesTheNineExplainedDifferences() throws IOException {
        Run run =
                onDatabase(
                        "reconcile",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--published",
                        Samples.jianghan2020Published().toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.outLines().get(0))
                .isEqualTo(
                        "对账：公布数 249 个，账簿完全重现 243 个；不一致 9 格，其中已解释 9 格"
                                + "（差额恰为公布报表自身矛盾之数）、未解释 0 格。 | Published figures: 249; regenerated exactly: 243;"
                                + " differing cells: 9, of which 9 explained (to the fen) by contradictions within the published report"
                                + " and 0 NOT EXPLAINED.");
        Set<String> explained = new TreeSet<>();
        for (String line : run.outLines()) {
            assertThat(line).doesNotStartWith("未解释").doesNotContain("NOT EXPLAINED T");
            if (line.startsWith("已解释 ")) {
                explained.add(line.substring("已解释 ".length(), line.indexOf('：')));
            }
        }
        assertThat(explained)
                .containsExactlyInAnyOrderElementsOf(SampleStatements.EXPLAINED_DIFFERENCES);
        assertThat(run.out())
                .contains(
                        "已解释 T1/38/2：公布 140.10，账簿 140.09，差额 0.01（公布 − 账簿），其中公布报表自身矛盾解释" + " 0.01",
                        "explained T1/38/2: published 140.10, ledger 140.09");

        // One fen more on 表4 line 60 (31.95 in col 2 and 3): the report then implies 31.95 for its
        // blank line 61,
        // the ledger has 31.94 there. The contradiction explains all but that fen, and the fen is
        // enough for exit 1.
        Path offByAFen = files.resolve("published-off-by-a-fen.tsv");
        Files.writeString(
                offByAFen,
                Files.readString(Samples.jianghan2020Published(), StandardCharsets.UTF_8)
                        .replace("T4\t60\t2\t31.94", "T4\t60\t2\t31.95")
                        .replace("T4\t60\t3\t31.94", "T4\t60\t3\t31.95"),
                StandardCharsets.UTF_8);
        Run offByOne =
                onDatabase(
                        "reconcile",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--published",
                        offByAFen.toString());
        assertThat(offByOne.exit()).as(offByOne.out()).isEqualTo(1);
        assertThat(offByOne.out())
                .contains(
                        "未解释 T4/61/2：公布 空白，账簿 31.94，差额 -31.94（公布 − 账簿），其中公布报表自身矛盾解释"
                                + " -31.95（公布报表在此自相矛盾，规则 T4.closing-total 使它也支持 31.95），未解释 0.01",
                        "NOT EXPLAINED T4/61/2: published blank, ledger 31.94",
                        "未解释 T4/60/2：公布 31.95，账簿 31.94");
        assertThat(offByOne.outLines().get(0)).contains("未解释 4 格", "and 4 NOT EXPLAINED");

        // Against a year the ledger has no transactions in, most published figures are unexplained:
        // exit 1.
        Run disagreeing =
                onDatabase(
                        "reconcile",
                        "--year",
                        "2019",
                        "--unit",
                        UNIT,
                        "--published",
                        Samples.jianghan2020Published().toString());
        assertThat(disagreeing.exit()).isEqualTo(1);
        assertThat(disagreeing.out())
                .contains(
                        "未解释 T1/1/1：公布 2493.03，账簿 0.00",
                        "NOT EXPLAINED T1/1/1: published 2493.03, ledger 0.00");
    }

    @Test
    @Order(7)
    void reconcileWithTheReportItselfReadsItsFiguresAndReconcilesAsTheHandTypedOnes() {
        Run typed =
                onDatabase(
                        "reconcile",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--published",
                        Samples.jianghan2020Published().toString());
        Path seedReport = Samples.jianghan2020Published().resolveSibling("report.txt");

        Run read =
                onDatabase(
                        "reconcile",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--report",
                        seedReport.toString());

        assertThat(read.exit()).as(read.out() + read.err()).isZero();
        assertThat(read.err()).contains("读出 249 个数字");
        assertThat(read.out()).isEqualTo(typed.out());

        Run both =
                onDatabase(
                        "reconcile",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--report",
                        seedReport.toString(),
                        "--published",
                        Samples.jianghan2020Published().toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--published", "--report");
    }

    @Test
    @Order(8)
    void traceAsTextAndAsJsonAddsUpToTheFigure() {
        Run text = onDatabase("trace", "--year", "2020", "--unit", UNIT, "T3/2010302/3");
        assertThat(text.exit()).as(text.err()).isZero();
        List<String> lines = text.outLines();
        assertThat(lines.get(0))
                .isEqualTo(
                        "T3/2010302/3 = 1197.34 万元 = 11973400.00 yuan, the exact sum of "
                                + (lines.size() - 1)
                                + " events");
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(line).startsWith("2020-"));
        assertThat(text.out()).contains("JH2020-0217", "reverses JH2020-0214", "JH2020-0214");

        Run json =
                onDatabase(
                        "trace", "--year", "2020", "--unit", UNIT, "--format", "json", "T1/59/2");
        assertThat(json.exit()).isZero();
        JsonNode trace = SampleStatements.parse(json.out());
        assertThat(trace.get("cell").textValue()).isEqualTo("T1/59/2");
        assertThat(trace.get("figure").textValue()).isEqualTo("31.94");
        assertThat(trace.get("sumFen").longValue()).isEqualTo(31_940_000L);
        long sum = 0;
        for (JsonNode event : trace.get("events")) {
            sum += event.get("contributesFen").longValue();
            assertThat(event.get("eventId").textValue()).isNotBlank();
            assertThat(event.get("recordedBy").textValue()).startsWith("cli:");
        }
        assertThat(sum).isEqualTo(trace.get("sumFen").longValue());
        // 年末结转和结余 is made of every movement of money: opening, appropriation, expenditure,
        // reversal.
        assertThat(trace.get("events").size())
                .isEqualTo(trace.get("eventCount").intValue())
                .isEqualTo(
                        SampleStatements.journalRows(
                                "opening", "appropriation", "expenditure", "reversal"));

        Run asOf =
                onDatabase(
                        "trace",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--as-of",
                        "2020-01-31",
                        "--format",
                        "json",
                        "T1/57/2");
        JsonNode january = SampleStatements.parse(asOf.out());
        assertThat(january.get("sumFen").longValue())
                .isEqualTo(SampleStatements.expenditureFenUpTo(LocalDate.of(2020, 1, 31)));

        Run unknownUnit = onDatabase("trace", "--year", "2020", "--unit", "nobody", "T1/1/1");
        assertThat(unknownUnit.exit()).isEqualTo(1);
        assertThat(unknownUnit.err()).contains("已拒绝：").contains("nobody");
        // the whole trace into a workbook: one row per event under a title and the headings
        Path book = files.resolve("trace-T1-59-2.xlsx");
        Run export =
                onDatabase(
                        "trace",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--xlsx",
                        book.toString(),
                        "T1/59/2");
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("已导出追溯 T1/59/2");
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        java.nio.file.Files.newInputStream(book))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum() - 1)
                    .isEqualTo(trace.get("eventCount").intValue());
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    @Test
    @Order(9)
    void replayRebuildsTheReadModelsToTheSameStatements() {
        String jsonBefore = statements("--format", "json").out();
        String textBefore = statements().out();
        Run replay = onDatabase("replay");
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).startsWith("replayed 487 events into the read models in ");
        assertThat(statements("--format", "json").out()).isEqualTo(jsonBefore);
        assertThat(statements().out()).isEqualTo(textBefore);
        assertThat(eventCount()).isEqualTo(SampleStatements.EVENTS);
    }

    @Test
    @Order(10)
    void verifyFindsTheStoreIntactAndRecordAcknowledgesEachRowOrRefusesIt() throws IOException {
        Run verify = onDatabase("verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("完好：").contains("intact: ");

        Path rows = files.resolve("rows.csv");
        Files.writeString(
                rows,
                "id,date,kind,unit,fund,functional,economic,nature,amount\n"
                        + "REC-1,2020-12-30,appropriation,jianghan-gov-office,other,2010301,30201,,5.00\n"
                        + "REC-2,2020-12-30,expenditure,jianghan-gov-office,general,2010301,30101,personnel,0.01\n",
                StandardCharsets.UTF_8);
        Run record = onDatabase("record", rows.toString());
        assertThat(record.exit()).isEqualTo(1);
        assertThat(record.out())
                .isEqualTo(
                        "recorded REC-1 2020/jianghan-gov-office/other/2010301/30201"
                                + System.lineSeparator());
        assertThat(record.err())
                .contains("已拒绝：第 3 行（REC-2）：金额（amount）：支出 0.01 元超过该预算行可用资金")
                .contains("共 2 行：1 行已记入或已存在，1 行被拒绝");
        assertThat(eventCount()).isEqualTo(SampleStatements.EVENTS + 1);

        Run again = onDatabase("record", rows.toString());
        assertThat(again.out()).startsWith("repeated REC-1 ");
        assertThat(eventCount()).isEqualTo(SampleStatements.EVENTS + 1);
    }

    @Test
    @Order(11)
    void closeCarriesTheBalanceAndAClosedYearRefusesWithExit1() throws IOException {
        // The preview shows what the close carries, line by line, and writes nothing.
        long before = eventCount();
        Run preview =
                onDatabase(
                        "close",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--date",
                        "2021-01-15",
                        "--preview");
        assertThat(preview.exit()).as(preview.err()).isZero();
        assertThat(preview.out())
                .contains("结转预览，未写入任何内容")
                .contains("2021-01-15")
                .contains("general        2010302  30299")
                .contains("合计 (total):")
                .contains("319,405.00 元");
        assertThat(eventCount()).isEqualTo(before);

        // Asked first (as on a terminal), anything but 是/y cancels and writes nothing.
        Run declined =
                closeAnswering(
                        "不",
                        "close",
                        "--db",
                        URL,
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--date",
                        "2021-01-15",
                        "--confirm");
        assertThat(declined.exit()).isEqualTo(CloseCommand.CANCELLED);
        assertThat(declined.out())
                .contains("结转预览")
                .contains("319,405.00 元")
                .contains("将以上")
                .contains("结账后不能重新打开")
                .contains("已取消，没有写入任何内容");
        assertThat(eventCount()).isEqualTo(before);

        Run close =
                closeAnswering(
                        "是",
                        "close",
                        "--db",
                        URL,
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--date",
                        "2021-01-15",
                        "--confirm");
        assertThat(close.exit()).as(close.err()).isZero();
        assertThat(close.out())
                .contains("确认结转请输入 是 或 y")
                .containsPattern(
                        "已结转：单位 jianghan-gov-office 的 2020 年度，\\d+ 个预算行共 319,405\\.00 元转入 2021 年度\\R");
        long events = eventCount();

        Run again = onDatabase("close", "--year", "2020", "--unit", UNIT, "--date", "2021-01-16");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err())
                .contains("已拒绝：共 1 处问题，没有写入任何内容")
                .contains("年度（year）：单位 " + UNIT + " 的 2020 年度已结转关账");

        Path late = files.resolve("late.csv");
        Files.writeString(
                late,
                "id,date,kind,unit,fund,functional,economic,amount\n"
                        + "LATE-1,2020-12-31,appropriation,jianghan-gov-office,other,2010301,30101,1.00\n",
                StandardCharsets.UTF_8);
        Run refused = onDatabase("import", late.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("第 2 行，日期（date）：").contains("已结转关账");
        assertThat(eventCount()).isEqualTo(events);

        Run next = onDatabase("statements", "--year", "2021", "--unit", UNIT, "--format", "json");
        assertThat(SampleStatements.cells(SampleStatements.parse(next.out())))
                .containsEntry("T1/29/1", "31.94");
    }

    @Test
    @Order(12)
    void nothingIsPrintedPastTheCommandLinesOwnStreams() {
        // The application's log goes to stderr; every command prints through picocli's out/err.
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Run run;
        try {
            run = statements("--format", "json");
        } finally {
            System.setOut(stdout);
        }
        assertThat(run.exit()).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(run.out()).startsWith("{");
    }

    @Test
    @Order(13)
    void demoLoadsTheSamplePrintsTheTablesAndTheReconciliation() {
        String demoDatabase = TestDatabase.create("clidemo");
        Run demo = ledger("demo", "--db", demoDatabase);
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out())
                .startsWith("已导入 journal.csv (2020 sample)（按 UTF-8 读取）：476 行，新记入 476 行")
                .contains(demoDatabase)
                .contains("收入支出决算总表", "2,493.03", "支出决算表", "1,197.34")
                .contains("对账 Reconciliation with the published 2020 report:")
                .contains(
                        "对账：公布数 249 个，账簿完全重现 243 个；不一致 9 格，其中已解释 9 格",
                        "Published figures: 249; regenerated exactly: 243; differing cells: 9, of which 9 explained");
        for (int table = 1; table <= 9; table++) {
            assertThat(demo.out()).contains("（表 " + table + "）");
        }
        Run again = ledger("demo", "--db", demoDatabase);
        assertThat(again.exit()).isZero();
        assertThat(again.out())
                .startsWith("已导入 journal.csv (2020 sample)（按 UTF-8 读取）：476 行，新记入 0 行，已记过 476 行");
    }

    private static long eventCount() {
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

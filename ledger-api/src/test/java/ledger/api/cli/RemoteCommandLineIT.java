package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ledger.api.LedgerApplication;
import ledger.api.report.ReportService;
import ledger.api.report.StatementWorkbook;
import ledger.api.statement.StatementService;
import ledger.api.statement.TraceDocument;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.explanation.Explanation;
import ledger.projections.explanation.PriorYearFigures;
import ledger.projections.explanation.StatedFigures;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.Finding;
import ledger.projections.statement.StatementChecks;
import ledger.projections.statement.StatementJson;
import ledger.projections.statement.StatementSet;
import ledger.projections.statement.StatementText;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * {@code ledger … --server URL --user NAME} against the application running in this test on a
 * random port: each command through the HTTP API, as each role; the server's refusals printed as
 * {@code 已拒绝：字段（field）：原因} with exit 1, usage errors exit 2, and a refused write leaves the event
 * count as it was. What the server prints is compared with what the same data gives locally.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RemoteCommandLineIT {

    private static final String URL = TestDatabase.create("remotecli");
    private static final String UNIT = "jianghan-gov-office";
    private static final String PASSWORD_OF_DEMO_USERS = "-demo";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired StatementService statements;
    @Autowired ledger.api.statement.AccountingService accounting;
    @Autowired ReportService reports;
    @Autowired ledger.api.statement.ExecutionService executions;

    @TempDir Path files;

    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    /** {@code ledger args…} with {@code LEDGER_PASSWORD=password} (null: not set). */
    static Run ledger(String password, String... args) {
        CommandLine cli =
                LedgerCommandLine.commandLine(
                        name ->
                                password != null && name.equals(ServerOptions.PASSWORD_VARIABLE)
                                        ? password
                                        : null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /**
     * {@code ledger command --server http://localhost:PORT --user USER args…}, with USER's demo
     * password.
     */
    Run as(String user, String command, String... args) {
        return asWithPassword(user, user + PASSWORD_OF_DEMO_USERS, command, args);
    }

    Run asWithPassword(String user, String password, String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--server", server(), "--user", user));
        all.addAll(List.of(args));
        return ledger(password, all.toArray(String[]::new));
    }

    private String server() {
        return "http://localhost:" + port;
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private StatementSet sample() {
        return statements.statements(UnitCode.of(UNIT), FiscalYear.of(2020), null);
    }

    @Test
    @Order(1)
    void usageErrorsExitWith2BeforeAnythingIsSent() {
        Run both =
                ledger(
                        "x",
                        "check",
                        "--server",
                        server(),
                        "--user",
                        "clerk",
                        "--db",
                        URL,
                        "--year",
                        "2020",
                        "--unit",
                        UNIT);
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--db 与 --server 不能同时使用");

        Run notHttp =
                ledger(
                        "x",
                        "check",
                        "--server",
                        "ftp://localhost/",
                        "--user",
                        "clerk",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT);
        assertThat(notHttp.exit()).isEqualTo(2);
        assertThat(notHttp.err()).contains("--server 应为 http:// 或 https:// 地址");

        Run noUser = ledger("x", "check", "--server", server(), "--year", "2020", "--unit", UNIT);
        assertThat(noUser.exit()).isEqualTo(2);
        assertThat(noUser.err()).contains("--server 需要 --user NAME");

        Run userWithoutServer =
                ledger("x", "check", "--user", "clerk", "--year", "2020", "--unit", UNIT);
        assertThat(userWithoutServer.exit()).isEqualTo(2);
        assertThat(userWithoutServer.err()).contains("请同时给出 --server URL");

        // No LEDGER_PASSWORD and no terminal to ask at (as under a test runner): a usage error, no
        // request.
        Run noPassword =
                ledger(
                        null,
                        "check",
                        "--server",
                        server(),
                        "--user",
                        "clerk",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT);
        assertThat(noPassword.exit()).isEqualTo(2);
        assertThat(noPassword.err()).contains("没有用户 clerk 的密码：请设置 LEDGER_PASSWORD");

        // A password is never an argument: there is no option to give one.
        Run passwordOption =
                ledger(
                        "x",
                        "check",
                        "--server",
                        server(),
                        "--user",
                        "clerk",
                        "--password",
                        "p",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT);
        assertThat(passwordOption.exit()).isEqualTo(2);
        assertThat(passwordOption.err()).contains("Unknown option").contains("--password");
    }

    @Test
    @Order(2)
    void anUnreachableServerIsAClearError() {
        Run run =
                ledger(
                        "x",
                        "check",
                        "--server",
                        "http://127.0.0.1:1",
                        "--user",
                        "clerk",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("错误：无法连接账簿服务器 http://127.0.0.1:1/");
    }

    @Test
    @Order(3)
    void aClerkImportsTheSampleThroughTheServerOnceAndAgainChangesNothing() {
        String journal = Samples.jianghan2020Journal().toString();
        Run first = as("clerk", "import", journal);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out())
                .startsWith("已导入 journal.csv（按 UTF-8 读取）：476 行，新记入 476 行，已记过 0 行")
                .contains("，记入 " + server() + "/ as clerk");
        long events = events();
        assertThat(events).isPositive();
        assertThat(jdbc.queryForList("SELECT DISTINCT recorded_by FROM event_log", String.class))
                .containsExactly("clerk");

        Run again = as("clerk", "import", journal);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("476 行，新记入 0 行，已记过 476 行");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    @Order(4)
    void refusedImportsExitWith1SayWhyAndWriteNothing() throws Exception {
        Path other = files.resolve("other.csv");
        Files.writeString(
                other,
                "id,date,kind,unit,unit_name,fund,functional,economic,amount\n"
                        + "R-O1,2020-02-01,appropriation,remote-other,别的单位,other,2010301,30201,9.00\n");
        Path bad = files.resolve("bad.csv");
        Files.writeString(
                bad,
                "id,date,kind,unit,fund,functional,economic,amount\n"
                        + "R-B1,2020-02-01,appropriation,jianghan-gov-office,other,2010301,30201,9.00\n"
                        + "R-B2,2020-02-30,appropriation,jianghan-gov-office,other,2010301,30201,9.00\n");
        long before = events();

        Run wrongPassword = asWithPassword("clerk", "not-the-password", "import", other.toString());
        assertThat(wrongPassword.exit()).isEqualTo(1);
        assertThat(wrongPassword.err())
                .contains("已拒绝：账簿服务器 " + server() + "/ 不接受用户「clerk」和该密码" + "（HTTP 401）")
                .doesNotContain("not-the-password");

        Run unknownUser = as("nobody", "import", other.toString());
        assertThat(unknownUser.exit()).isEqualTo(1);
        assertThat(unknownUser.err()).contains("不接受用户「nobody」");

        Run auditor = as("auditor", "import", other.toString());
        assertThat(auditor.exit()).isEqualTo(1);
        assertThat(auditor.err()).contains("已拒绝：用户「auditor」无权执行此操作").contains("403");

        Run notHisUnit = as("clerk", "import", other.toString());
        assertThat(notHisUnit.exit()).isEqualTo(1);
        assertThat(notHisUnit.err()).contains("已拒绝：用户「clerk」无权").contains("403");

        // The reader's check runs on the server: its row-by-row answer comes back worded as a local
        // refusal.
        Run badRows = as("clerk", "import", bad.toString());
        assertThat(badRows.exit()).isEqualTo(1);
        assertThat(badRows.err()).contains("已拒绝：第 3 行，日期（date）：");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void statementsThroughTheServerAreWhatTheLedgerHolds() throws Exception {
        StatementSet set = sample();
        Run text = as("clerk", "statements", "--year", "2020", "--unit", UNIT);
        assertThat(text.exit()).as(text.err()).isZero();
        String expected = StatementText.render(set);
        assertThat(text.out()).isEqualTo(expected.endsWith("\n") ? expected : expected + "\n");
        assertThat(text.out()).contains("2020 年度收入支出决算总表");

        Run json =
                as("auditor", "statements", "--year", "2020", "--unit", UNIT, "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(json.out()))
                .isEqualTo(mapper.readTree(StatementJson.write(set)));

        Path workbook = files.resolve("set.xlsx");
        Run xlsx =
                as(
                        "approver",
                        "statements",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--format",
                        "xlsx",
                        "--out",
                        workbook.toString());
        assertThat(xlsx.exit()).as(xlsx.err()).isZero();
        try (XSSFWorkbook remote = new XSSFWorkbook(Files.newInputStream(workbook));
                XSSFWorkbook local =
                        new XSSFWorkbook(new ByteArrayInputStream(StatementWorkbook.write(set)))) {
            // 表1–表9 as the statements alone lay them out, then the 科目余额表 and the 预算指标 account
            assertThat(remote.getNumberOfSheets()).isEqualTo(local.getNumberOfSheets() + 2);
            assertThat(local.getNumberOfSheets()).isEqualTo(9);
            for (int i = 0; i < local.getNumberOfSheets(); i++) {
                assertThat(remote.getSheetName(i)).isEqualTo(local.getSheetName(i));
            }
            assertThat(remote.getSheetName(9)).isEqualTo("科目余额表（预算会计）");
            assertThat(remote.getSheetName(10)).isEqualTo("预算指标账");
        }

        Run notHis = as("clerk", "statements", "--year", "2020", "--unit", "remote-other");
        assertThat(notHis.exit()).isEqualTo(1);
        assertThat(notHis.err()).contains("无权").contains("403");
        assertThat(notHis.out()).isEmpty();

        Run unknownUnit = as("auditor", "statements", "--year", "2020", "--unit", "no-such-unit");
        assertThat(unknownUnit.exit()).isEqualTo(1);
        assertThat(unknownUnit.err()).contains("已拒绝：单位（unit）：单位 no-such-unit 在本账簿中没有交易");
    }

    @Test
    @Order(6)
    void checkAndReconcileThroughTheServerPrintWhatTheyPrintLocally() {
        Run check = as("auditor", "check", "--year", "2020", "--unit", UNIT);
        assertThat(check.exit()).as(check.err()).isZero();
        List<String> expected =
                new ArrayList<>(
                        StatementChecks.evaluate(sample()).stream()
                                .map(Finding::toString)
                                .toList());
        expected.add(check.outLines().get(check.outLines().size() - 1));
        assertThat(check.outLines()).isEqualTo(expected);
        assertThat(check.outLines().get(check.outLines().size() - 1))
                .startsWith("jianghan-gov-office 2020: 0 rules broken, ");

        Run reconcile =
                as(
                        "auditor",
                        "reconcile",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--published",
                        Samples.jianghan2020Published().toString());
        assertThat(reconcile.exit()).as(reconcile.err()).isZero();
        assertThat(reconcile.outLines().get(0))
                .isEqualTo(
                        "对账：公布数 249 个，账簿完全重现 243 个；不一致 9 格，其中已解释 9 格"
                                + "（差额恰为公布报表自身矛盾之数）、未解释 0 格。 | Published figures: 249; regenerated exactly: 243;"
                                + " differing cells: 9, of which 9 explained (to the fen) by contradictions within the published report"
                                + " and 0 NOT EXPLAINED.");
        Run disagreeing =
                as(
                        "auditor",
                        "reconcile",
                        "--year",
                        "2019",
                        "--unit",
                        UNIT,
                        "--published",
                        Samples.jianghan2020Published().toString());
        assertThat(disagreeing.exit()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void theTrialBalanceAndIndicatorsThroughTheServerAreTheLocalOnes() {
        var report =
                accounting.trialBalance(
                        UnitCode.of(UNIT),
                        FiscalYear.of(2020),
                        null,
                        ledger.projections.accounting.UnitKind.ADMINISTRATIVE,
                        true);
        var names = accounting.names(FiscalYear.of(2020));
        Run text =
                as(
                        "auditor",
                        "trial-balance",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--pro-forma-close");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .isEqualTo(
                        ledger.projections.accounting.AccountingGrids.trialBalance(
                                                report.balance(), report.unitName(), names)
                                        .render()
                                + "\n"
                                + ledger.projections.accounting.AccountingGrids.ties(report.ties())
                                        .render());
        Run indicators =
                as(
                        "clerk",
                        "indicators",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--as-of",
                        "2020-06-30");
        assertThat(indicators.exit()).as(indicators.err()).isZero();
        assertThat(indicators.out())
                .isEqualTo(
                        ledger.projections.accounting.AccountingGrids.indicators(
                                        accounting.indicators(
                                                UnitCode.of(UNIT),
                                                FiscalYear.of(2020),
                                                java.time.LocalDate.of(2020, 6, 30)),
                                        accounting.unitName(UnitCode.of(UNIT)),
                                        names)
                                .render());
        Run notHis = as("clerk", "trial-balance", "--year", "2020", "--unit", "remote-other");
        assertThat(notHis.exit()).isEqualTo(1);
        assertThat(notHis.err()).contains("403");
        Run outside =
                as(
                        "auditor",
                        "trial-balance",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--as-of",
                        "2020-12-31",
                        "--format",
                        "json");
        assertThat(outside.exit()).as(outside.err()).isZero();
        Run refused =
                as(
                        "auditor",
                        "indicators",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--as-of",
                        "2021-01-01");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("--as-of", "不在 2020 年度内");
    }

    @Test
    @Order(6)
    void theExecutionThroughTheServerIsTheLocalOne() throws Exception {
        java.time.LocalDate june = java.time.LocalDate.of(2020, 6, 30);
        Path xlsx = files.resolve("execution.xlsx");
        Run text =
                as(
                        "clerk",
                        "execution",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--as-of",
                        "2020-06-30",
                        "--xlsx",
                        xlsx.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .isEqualTo(
                        executions
                                .unit(UnitCode.of(UNIT), FiscalYear.of(2020), june)
                                .grid()
                                .render());
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("预算执行进度");
        }
        Run notHis = as("clerk", "execution", "--year", "2020", "--unit", "remote-other");
        assertThat(notHis.exit()).isEqualTo(1);
        assertThat(notHis.err()).contains("403");
    }

    @Test
    @Order(7)
    void aTraceThroughTheServerIsTheLocalTrace() {
        CellAddress cell = CellAddress.parse("T3/2010302/3");
        TraceDocument local =
                TraceDocument.of(
                        statements.trace(UnitCode.of(UNIT), FiscalYear.of(2020), cell, null));
        Run text = as("auditor", "trace", "--year", "2020", "--unit", UNIT, "T3/2010302/3");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).isEqualTo(local.toText());
        assertThat(text.outLines().get(0)).startsWith("T3/2010302/3 = 1197.34 万元");

        Run json =
                as(
                        "auditor",
                        "trace",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "T3/2010302/3",
                        "--format",
                        "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"eventCount\" : " + local.eventCount());

        // the server answers a trace in pages; the command line follows them all (40 events, pages
        // of 7)
        Run paged =
                as(
                        "auditor",
                        "trace",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "T3/2010302/3",
                        "--page-size",
                        "7");
        assertThat(paged.exit()).as(paged.err()).isZero();
        assertThat(paged.out()).isEqualTo(local.toText());
        assertThat(local.eventCount()).isGreaterThan(7 * 5);
        Run pagedJson =
                as(
                        "auditor",
                        "trace",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "T3/2010302/3",
                        "--page-size",
                        "7",
                        "--format",
                        "json");
        assertThat(pagedJson.exit()).as(pagedJson.err()).isZero();
        assertThat(pagedJson.out()).isEqualTo(json.out());
    }

    @Test
    @Order(8)
    void theExplanationThroughTheServerIsTheLocalOneAndNamesThePublishedContradictions()
            throws Exception {
        UnitCode unit = UnitCode.of(UNIT);
        FiscalYear year = FiscalYear.of(2020);
        PriorYearFigures prior = reports.priorYear(unit, year, null);
        Run plain = as("auditor", "explanation", "--year", "2020", "--unit", UNIT);
        assertThat(plain.exit()).as(plain.err()).isZero();
        String expected =
                reports.explanation(unit, year, null, prior, StatedFigures.none()).toText();
        assertThat(plain.out()).isEqualTo(expected.endsWith("\n") ? expected : expected + "\n");

        Path published = Samples.path("2020-jianghan-gov-office/published-explanation.tsv");
        Run compared =
                as(
                        "auditor",
                        "explanation",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--published",
                        published.toString());
        Explanation local;
        try (java.io.Reader reader = Files.newBufferedReader(published, StandardCharsets.UTF_8)) {
            local = reports.explanation(unit, year, null, prior, StatedFigures.parse(reader));
        }
        assertThat(local.contradictions()).isNotEmpty();
        assertThat(compared.exit()).as(compared.err()).isEqualTo(1);
        String text = local.toText();
        assertThat(compared.out()).isEqualTo(text.endsWith("\n") ? text : text + "\n");

        Path garbage = files.resolve("garbage.tsv");
        Files.writeString(garbage, "this is not\ta figures file\n");
        Run refused =
                as(
                        "auditor",
                        "explanation",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--published",
                        garbage.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).startsWith("已拒绝：published：");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    @Order(9)
    void recordSendsEachRowAndReportsEachRefusalWithoutStoppingTheOthers() throws Exception {
        Path rows = files.resolve("rows.csv");
        Files.writeString(
                rows,
                String.join(
                        "\n",
                        "id,date,kind,unit,fund,functional,economic,nature,project,amount,memo",
                        "R-1,2020-12-31,expenditure,jianghan-gov-office,general,2010302,30299,project,JH2020-P01,1.00,经 CLI",
                        "R-2,2020-12-31,appropriation,remote-other,other,2010301,30201,,,9.00,",
                        "R-3,2020-12-31,expenditure,jianghan-gov-office,general,2010302,30299,project,JH2020-P01,"
                                + "99999999.00,overspend",
                        ""),
                StandardCharsets.UTF_8);
        long before = events();
        Run run = as("clerk", "record", rows.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(1);
        assertThat(run.outLines().get(0))
                .startsWith("recorded R-1 2020/jianghan-gov-office/general/2010302/30299");
        assertThat(run.err())
                .contains("已拒绝：第 3 行（R-2）：")
                .contains("无权")
                .contains("已拒绝：第 4 行（R-3）：金额（amount）：")
                .contains("共 3 行：1 行已记入或已存在，2 行被拒绝");
        assertThat(events()).isEqualTo(before + 1);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT recorded_by FROM event_log WHERE payload #>> '{entry,transactionId}'"
                                        + " = 'R-1'",
                                String.class))
                .isEqualTo("clerk");

        Run again = as("clerk", "record", rows.toString());
        assertThat(again.out()).startsWith("repeated R-1");
        assertThat(events()).isEqualTo(before + 1);

        Run wrongPassword = asWithPassword("clerk", "wrong", "record", rows.toString());
        assertThat(wrongPassword.exit()).isEqualTo(1);
        assertThat(wrongPassword.err()).contains("（HTTP 401）");
        assertThat(wrongPassword.out()).isEmpty();
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    @Order(10)
    void onlyAnApproverClosesAYearThroughTheServer() throws Exception {
        Path unit = files.resolve("close.csv");
        Files.writeString(
                unit,
                "id,date,kind,unit,unit_name,fund,functional,economic,amount\n"
                        + "C-1,2020-02-01,appropriation,remote-close,结转单位,other,2010301,30201,9.00\n");
        assertThat(as("approver", "import", unit.toString()).exit()).isZero();
        long before = events();
        for (String user : List.of("clerk", "auditor")) {
            Run refused = as(user, "close", "--year", "2020", "--unit", "remote-close");
            assertThat(refused.exit()).as(user).isEqualTo(1);
            assertThat(refused.err()).as(user).contains("已拒绝：用户「" + user + "」无权");
        }
        assertThat(events()).isEqualTo(before);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT closed FROM ledger_year WHERE unit = 'remote-close'",
                                Boolean.class))
                .isFalse();

        // The preview comes from the server's closer and writes nothing.
        Run preview =
                as(
                        "approver",
                        "close",
                        "--year",
                        "2020",
                        "--unit",
                        "remote-close",
                        "--date",
                        "2021-01-05",
                        "--preview");
        assertThat(preview.exit()).as(preview.err()).isZero();
        assertThat(preview.out())
                .contains("结转预览")
                .contains("other          2010301  30201")
                .contains("9.00")
                .contains("合计 (total): 1 个预算行 (lines), 9.00 元 (yuan)");
        assertThat(events()).isEqualTo(before);

        Run closed =
                as(
                        "approver",
                        "close",
                        "--year",
                        "2020",
                        "--unit",
                        "remote-close",
                        "--date",
                        "2021-01-05");
        assertThat(closed.exit()).as(closed.err()).isZero();
        assertThat(closed.out())
                .isEqualTo("已结转：单位 remote-close 的 2020 年度，1 个预算行共 9.00 元转入 2021 年度\n");
        assertThat(events()).isGreaterThan(before);

        Run twice = as("approver", "close", "--year", "2020", "--unit", "remote-close");
        assertThat(twice.exit()).isEqualTo(1);
        assertThat(twice.err()).startsWith("已拒绝：").contains("已结转关账");
    }

    @Test
    @Order(11)
    void theUsageNamesTheServerOptions() {
        Run usage = ledger(null, "import");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("--server=URL", "--user=NAME", "LEDGER_PASSWORD");
    }
}

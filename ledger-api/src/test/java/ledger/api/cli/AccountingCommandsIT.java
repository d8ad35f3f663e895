package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ledger.api.statement.SampleStatements;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Goal: {@code ledger trial-balance}, {@code ledger indicators} and {@code ledger check} as a user
 * runs them on the 2020 sample — every tie holds, a date outside the year is refused naming {@code
 * --as-of}, and after {@code ledger close} the closed year's 期末余额 are the next year's 期初余额, 科目 by
 * 科目 and 明细 by 明细. Method: the command line on its own PostgreSQL database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountingCommandsIT {

    private static final String URL = TestDatabase.create("cliaccounting");
    private static final String UNIT = SampleStatements.UNIT;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path files;

    record Run(int exit, String out, String err) {}

    static Run ledger(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--db", URL));
        all.addAll(List.of(args));
        CommandLine cli = LedgerCommandLine.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    @Order(1)
    void theSampleImports() {
        Run run = ledger("import", Samples.jianghan2020Journal().toString());
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    @Order(2)
    void theTrialBalancePrintsWithEveryTieHolding() throws Exception {
        Run text = ledger("trial-balance", "--year", "2020", "--unit", UNIT, "--pro-forma-close");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .startsWith("科目余额表（预算会计）")
                .contains("含预结账分录", "6001", "财政拨款预算收入", "8101", "累计结转/一般公共预算财政拨款", "与部门决算的核对", "相符")
                .doesNotContain("不符");
        Run json =
                ledger(
                        "trial-balance",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--format",
                        "json",
                        "--unit-kind",
                        "institution");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode balance = JSON.readTree(json.out());
        assertThat(balance.get("unitKind").textValue()).isEqualTo("institution");
        assertThat(balance.get("ties"))
                .allSatisfy(tie -> assertThat(tie.get("holds").booleanValue()).isTrue());
        Path xlsx = files.resolve("tb.xlsx");
        Run workbook =
                ledger(
                        "trial-balance",
                        "--year",
                        "2020",
                        "--unit",
                        UNIT,
                        "--format",
                        "xlsx",
                        "--out",
                        xlsx.toString());
        assertThat(workbook.exit()).as(workbook.err()).isZero();
        try (XSSFWorkbook read = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(read.getSheetAt(0).getSheetName()).isEqualTo("科目余额表（预算会计）");
            assertThat(read.getSheetAt(1).getSheetName()).isEqualTo("与部门决算的核对（审核公式）");
        }
    }

    @Test
    @Order(3)
    void indicatorsAndChecksPrintAndADateOutsideTheYearIsRefused() {
        Run indicators =
                ledger("indicators", "--year", "2020", "--unit", UNIT, "--as-of", "2020-06-30");
        assertThat(indicators.exit()).as(indicators.err()).isZero();
        assertThat(indicators.out()).startsWith("预算指标账").contains("截至 2020-06-30", "年初", "结转");
        Run year = ledger("indicators", "--year", "2020", "--unit", UNIT);
        assertThat(year.exit()).as(year.err()).isZero();
        assertThat(year.out()).contains("追加", "调减", "上年结转", "项目");
        Run check = ledger("check", "--year", "2020", "--unit", UNIT);
        assertThat(check.out()).doesNotContain("预算会计.");
        Run outside =
                ledger("trial-balance", "--year", "2020", "--unit", UNIT, "--as-of", "2021-01-01");
        assertThat(outside.exit()).isEqualTo(1);
        assertThat(outside.err()).contains("--as-of", "不在 2020 年度内");
        assertThat(outside.out()).isEmpty();
        Run badKind =
                ledger("trial-balance", "--year", "2020", "--unit", UNIT, "--unit-kind", "企业");
        assertThat(badKind.exit()).isEqualTo(1);
        assertThat(badKind.err()).contains("单位类型");
        assertThat(
                        ledger(
                                        "indicators",
                                        "--year",
                                        "2020",
                                        "--unit",
                                        UNIT,
                                        "--as-of",
                                        "2019-12-31")
                                .err())
                .contains("--as-of");
    }

    @Test
    @Order(4)
    void afterTheCloseTheClosingBalancesAreTheNextYearsOpening() throws Exception {
        Run close = ledger("close", "--year", "2020", "--unit", UNIT);
        assertThat(close.exit()).as(close.err()).isZero();
        JsonNode closed =
                JSON.readTree(
                        ledger(
                                        "trial-balance",
                                        "--year",
                                        "2020",
                                        "--unit",
                                        UNIT,
                                        "--format",
                                        "json")
                                .out());
        assertThat(closed.get("closed").booleanValue()).isTrue();
        assertThat(closed.get("proFormaClosing").booleanValue()).isFalse();
        assertThat(closed.get("ties"))
                .allSatisfy(tie -> assertThat(tie.get("holds").booleanValue()).isTrue());
        Run next = ledger("trial-balance", "--year", "2021", "--unit", UNIT, "--format", "json");
        assertThat(next.exit()).as(next.err()).isZero();
        JsonNode opening = JSON.readTree(next.out());
        Map<String, BigDecimal> closing2020 = figures(closed, "closing");
        Map<String, BigDecimal> opening2021 = figures(opening, "opening");
        assertThat(opening2021).isNotEmpty().isEqualTo(closing2020);
        assertThat(
                        closing2020
                                .get("8001")
                                .movePointLeft(4)
                                .setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("31.94");
        for (JsonNode row : closed.get("rows")) {
            if (row.get("code").textValue().startsWith("6")
                    || row.get("code").textValue().startsWith("7")) {
                assertThat(new BigDecimal(row.get("closing").textValue()))
                        .as(row.toString())
                        .isZero();
            }
        }
    }

    private static Map<String, BigDecimal> figures(JsonNode balance, String column) {
        Map<String, BigDecimal> figures = new TreeMap<>();
        for (JsonNode row : balance.get("rows")) {
            BigDecimal value = new BigDecimal(row.get(column).textValue());
            if (value.signum() != 0) {
                figures.put(
                        row.has("detailId")
                                ? row.get("detailId").textValue()
                                : row.get("code").textValue(),
                        value);
            }
        }
        return figures;
    }
}

package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import ledger.api.statement.SampleStatements;
import ledger.api.support.Samples;
import ledger.api.support.TestDatabase;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Goal: {@code ledger execution} as a user runs it — the 2020 sample's 预算执行进度 in Chinese, its 已支
 * the statements' 表3 合计 and its 财政拨款 已拨 表1's, less as of an earlier date, a workbook with the same
 * figures, a department's with its units; a date outside the year refused naming {@code --as-of};
 * {@code --help} in Chinese with examples. Method: the command line on its own PostgreSQL database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutionCommandIT {

    private static final String URL = TestDatabase.create("cliexecution");
    private static final String UNIT = SampleStatements.UNIT;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path files;

    record Run(int exit, String out, String err) {}

    /** {@code ledger WORDS… --db URL}: the database option after the (sub)command it belongs to. */
    private static Run ledger(String... words) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(words));
        if (!all.contains("--help")) {
            all.add("--db=" + URL);
        }
        picocli.CommandLine cli = LedgerCommandLine.commandLine();
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    @Order(1)
    void theSampleAndTheDepartmentLoad() {
        Path street = Samples.path("2020-demo-street");
        for (Run run :
                new Run[] {
                    ledger("import", Samples.jianghan2020Journal().toString()),
                    ledger("department", "register", street.resolve("departments.csv").toString()),
                    ledger(
                            "catalog",
                            "import",
                            street.resolve("catalog-2020.csv").toString(),
                            "--year",
                            "2020"),
                    ledger("import", street.resolve("journal.csv").toString())
                }) {
            assertThat(run.exit()).as(run.err()).isZero();
        }
    }

    @Test
    @Order(2)
    void theYearsExecutionTiesToTheStatementsAndAnEarlierDateShowsLess() throws Exception {
        Run text = ledger("execution", "--unit", UNIT, "--year", "2020");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .startsWith("预算执行进度")
                .contains(
                        "单位：" + SampleStatements.UNIT_NAME,
                        "全年",
                        "201 一般公共服务支出",
                        "年初预算",
                        "调整后预算",
                        "已拨",
                        "已支",
                        "可用",
                        "执行率",
                        "%");

        Path xlsx = files.resolve("执行.xlsx");
        Run json =
                ledger(
                        "execution",
                        "--unit",
                        UNIT,
                        "--year",
                        "2020",
                        "--format",
                        "json",
                        "--xlsx",
                        xlsx.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode year = JSON.readTree(json.out());
        JsonNode statements =
                JSON.readTree(
                                ledger(
                                                "statements",
                                                "--unit",
                                                UNIT,
                                                "--year",
                                                "2020",
                                                "--format",
                                                "json",
                                                "--template",
                                                "2020")
                                        .out())
                        .get("tables");
        JsonNode total = year.get("rows").get(0);
        assertThat(wan(total.get("spent").textValue()))
                .isEqualByComparingTo(statements.get("T3").get("cells").get("total/1").textValue());
        BigDecimal fiscal = BigDecimal.ZERO;
        for (JsonNode row : year.get("rows")) {
            if (row.get("level").textValue().equals("预算行")
                    && java.util.List.of("general", "gov-fund", "soe-capital")
                            .contains(row.get("fund").textValue())) {
                fiscal = fiscal.add(new BigDecimal(row.get("appropriated").textValue()));
            }
        }
        BigDecimal t1 = BigDecimal.ZERO;
        for (String line : new String[] {"1/1", "2/1", "3/1"}) {
            JsonNode cell = statements.get("T1").get("cells").get(line);
            t1 = t1.add(cell == null ? BigDecimal.ZERO : new BigDecimal(cell.textValue()));
        }
        assertThat(wan(fiscal.toPlainString())).isEqualByComparingTo(t1);

        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("预算执行进度");
            assertThat(sheet).isNotNull();
            org.apache.poi.ss.usermodel.Row first = null;
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("合计")) {
                    first = row;
                    break;
                }
            }
            assertThat(first).isNotNull();
            assertThat(
                            BigDecimal.valueOf(first.getCell(7).getNumericCellValue())
                                    .setScale(2, RoundingMode.HALF_UP))
                    .isEqualByComparingTo(total.get("spent").textValue());
            assertThat(
                            BigDecimal.valueOf(first.getCell(8).getNumericCellValue())
                                    .setScale(2, RoundingMode.HALF_UP))
                    .isEqualByComparingTo(total.get("available").textValue());
        }

        Run march =
                ledger(
                        "execution",
                        "--unit",
                        UNIT,
                        "--year",
                        "2020",
                        "--as-of",
                        "2020-03-31",
                        "--format",
                        "json");
        assertThat(march.exit()).as(march.err()).isZero();
        JsonNode early = JSON.readTree(march.out());
        assertThat(early.get("asOf").textValue()).isEqualTo("2020-03-31");
        assertThat(new BigDecimal(early.get("rows").get(0).get("spent").textValue()))
                .isLessThan(new BigDecimal(total.get("spent").textValue()));
    }

    @Test
    @Order(3)
    void aDepartmentShowsItsUnitsLines() {
        Run run = ledger("execution", "--department", "demo-street", "--year", "2020");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("部门：示例街道办事处", "demo-street-service", "demo-street-enforcement");
    }

    @Test
    @Order(4)
    void misuseIsRefusedAndHelpIsChinese() {
        Run outside =
                ledger("execution", "--unit", UNIT, "--year", "2020", "--as-of", "2021-01-01");
        assertThat(outside.exit()).isEqualTo(1);
        assertThat(outside.err()).contains("--as-of", "不在 2020 年度内");
        Run neither = ledger("execution", "--year", "2020");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("--unit", "--department");
        Run help = ledger("execution", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out())
                .contains(
                        "预算执行进度",
                        "示例 / Examples:",
                        "ledger execution --unit",
                        "--as-of",
                        "--xlsx",
                        "截至日期");
    }

    private static BigDecimal wan(String yuan) {
        return new BigDecimal(yuan).movePointLeft(4).setScale(2, RoundingMode.HALF_UP);
    }
}

package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import ledger.api.support.TestDatabase;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ledger catalog import|list} on a PostgreSQL database of its own, with the journal a
 * department outside the 2020 seed brings: refused at its first unknown code with a message that
 * names code, year and the command to run; accepted once the year's 科目表 is loaded. A bad 科目表 is
 * refused whole and writes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogCommandIT {

    private static final String URL = TestDatabase.create("catalog");

    @TempDir static Path files;

    private static final String JOURNAL =
            """
            id,date,kind,unit,unit_name,fund,functional,economic,amount,indicator
            K-1,2024-01-05,budget,caizheng,某区财政局,general,2010601,30101,500000.00,区财预〔2024〕1号
            K-2,2024-01-06,budget,caizheng,,general,2010601,30101,200000.00,区财预〔2024〕9号
            K-3,2024-02-01,appropriation,caizheng,,general,2010601,30101,700000.00,
            """;

    private static CommandLineIT.Run catalog(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "catalog";
        all[1] = args[0];
        all[2] = "--db=" + URL;
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return CommandLineIT.ledger(all);
    }

    private static Path file(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void aJournalWithCodesOutsideTheYearsCatalogIsRefusedSayingHowToLoadIt() throws IOException {
        CommandLineIT.Run run =
                CommandLineIT.ledger(
                        "import", "--db", URL, file("journal.csv", JOURNAL).toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "第 2 行，功能分类（functional）：支出功能分类科目 2010601 不在 2024 年的科目表中；"
                                + "可用 `ledger catalog import 文件 --year 2024` 载入该年的科目表");
        assertThat(events()).isZero();
    }

    @Test
    @Order(2)
    void aCatalogWithAXiangWhoseKuanIsMissingIsRefusedWholeNamingTheLine() throws IOException {
        Path bad = file("bad.csv", "科目编码,科目名称\n201,一般公共服务支出\n2010601,行政运行\n");
        CommandLineIT.Run run = catalog("import", bad.toString(), "--year", "2024");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err())
                .contains("第 3 行，编码（code）：项 2010601 的上级款 20106 既不在文件中，也不在 2024 年的科目表中");
        assertThat(events()).isZero();
    }

    @Test
    @Order(3)
    void theYearsCatalogLoadsFromACsvWithChineseHeadersAsAnEventNamingWhoLoadedIt()
            throws Exception {
        Path good =
                file(
                        "km-2024.csv",
                        "\uFEFF编码,名称,分类\n20106,财政事务,功能分类\n2010601,行政运行,功能分类\n"
                                + "311,对企业补助（基本建设）,经济分类\n31101,资本金注入,经济分类\n");
        CommandLineIT.Run run = catalog("import", good.toString(), "--year", "2024");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("已载入 2024 年科目表 km-2024.csv：4 个科目（功能分类 2，经济分类 2）");
        assertThat(events()).isEqualTo(1);
        try (Connection connection =
                        DriverManager.getConnection(
                                URL, TestDatabase.user(), TestDatabase.password());
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery(
                                "SELECT payload_type, convert_from(meta_data, 'UTF8'),"
                                        + " convert_from(payload, 'UTF8') FROM domain_event_entry"
                                        + " WHERE aggregate_identifier = 'catalog/2024'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).endsWith("CatalogLoaded");
            assertThat(row.getString(2)).contains("\"user\":\"" + DatabaseOptions.user() + "\"");
            assertThat(row.getString(3)).contains("2010601", "行政运行", "km-2024.csv");
        }
    }

    @Test
    @Order(4)
    void listShowsTheLoadedCodesForTheirYearOnly() {
        CommandLineIT.Run y2024 = catalog("list", "--year", "2024", "--format", "tsv");
        assertThat(y2024.exit()).as(y2024.err()).isZero();
        assertThat(y2024.outLines())
                .startsWith("classification\tcode\tname")
                .contains(
                        "functional\t2010601\t行政运行",
                        "functional\t201\t一般公共服务支出",
                        "economic\t31006\t大型修缮",
                        "economic\t31101\t资本金注入");
        CommandLineIT.Run y2023 = catalog("list", "--year", "2023", "--format", "tsv");
        assertThat(y2023.out()).doesNotContain("2010601").contains("economic\t31006\t大型修缮");
        CommandLineIT.Run text = catalog("list", "--year", "2024");
        assertThat(text.out()).contains("2024 年科目表", "支出功能分类", "    2010601  行政运行");
    }

    @Test
    @Order(5)
    void theSameJournalIsAcceptedOnceTheCatalogIsLoaded() throws IOException {
        CommandLineIT.Run run =
                CommandLineIT.ledger(
                        "import", "--db", URL, files.resolve("journal.csv").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(events()).isEqualTo(1 + 1 + 3);
    }

    @Test
    @Order(6)
    void anXlsxNamingALoadedCodeDifferentlyIsRefusedWholeNamingTheRow() throws IOException {
        Path xlsx = files.resolve("km-2024-again.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(xlsx)) {
            XSSFSheet sheet = book.createSheet("科目表");
            sheet.createRow(0).createCell(0).setCellValue("科目编码");
            sheet.getRow(0).createCell(1).setCellValue("科目名称");
            sheet.createRow(1).createCell(0).setCellValue(2010602);
            sheet.getRow(1).createCell(1).setCellValue("一般行政管理事务");
            sheet.createRow(2).createCell(0).setCellValue(20106);
            sheet.getRow(2).createCell(1).setCellValue("税收事务");
            book.write(out);
        }
        long before = events();
        CommandLineIT.Run run = catalog("import", xlsx.toString(), "--year", "2024");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("第 3 行，名称（name）：科目 20106 已载入 2024 年的科目表，名为“财政事务”");
        assertThat(events()).isEqualTo(before);
        assertThat(catalog("list", "--year", "2024", "--format", "tsv").out())
                .doesNotContain("2010602");
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

package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clerk's own files through {@code ledger template} and {@code ledger import} on a database of
 * their own (issue 17 item 1): the template in both forms imports as it is; a GBK CSV and an xlsx
 * load and say how they were read; a 用友 voucher export loads through the shipped example mapping; a
 * refused GBK file names its row in Chinese and writes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClerkFilesIT {

    private static final String URL = TestDatabase.create("clerk");
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir static Path files;

    private static CommandLineIT.Run importing(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "import";
        all[1] = "--db=" + URL;
        System.arraycopy(args, 0, all, 2, args.length);
        return CommandLineIT.ledger(all);
    }

    @Test
    @Order(1)
    void theTemplateInBothFormsHasChineseHeadersAndImportsAsItIs() throws IOException {
        CommandLineIT.Run csv = CommandLineIT.ledger("template");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out())
                .contains("交易号,日期,类型,单位,资金来源,功能分类,经济分类,支出性质,项目,金额")
                .contains("年初预算", "追加预算", "调减预算", "拨款", "年初结转和结余", "支出", "冲销");

        Path xlsx = files.resolve("模板.xlsx");
        CommandLineIT.Run written =
                CommandLineIT.ledger("template", "--format", "xlsx", "--out", xlsx.toString());
        assertThat(written.exit()).isZero();
        assertThat(Files.size(xlsx)).isPositive();
        CommandLineIT.Run imported = importing(xlsx.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out())
                .startsWith("已导入 模板.xlsx（按 xlsx 工作表「日记账」 读取）：8 行，新记入 8 行，已记过 0 行");

        Path csvFile = files.resolve("模板.csv");
        assertThat(CommandLineIT.ledger("template", "--out", csvFile.toString()).exit()).isZero();
        CommandLineIT.Run again = importing(csvFile.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("已导入 模板.csv（按 UTF-8 读取）：8 行，新记入 0 行，已记过 8 行");

        assertThat(CommandLineIT.ledger("template", "--format", "xlsx").exit()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void aGbkCsvLoadsAndSaysItWasReadAsGbk() throws IOException {
        Path gbk = files.resolve("gbk.csv");
        Files.write(
                gbk,
                ("交易号,日期,类型,单位,资金来源,功能分类,经济分类,金额,摘要\n"
                                + "G-1,2020/3/5,拨款,gbk-unit,其他收入,2010301,30201,\"1,234.50\",收到其他收入\n"
                                + "G-2,2020年3月6日,拨款,gbk-unit,其他收入,2010301,30201,￥100.00,再收一笔\n")
                        .getBytes(GBK));
        CommandLineIT.Run run = importing(gbk.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("已导入 gbk.csv（按 GB18030 (GBK) 读取）：2 行，新记入 2 行");
        assertThat(count("SELECT COUNT(*) FROM ledger_transaction WHERE unit = 'gbk-unit'"))
                .isEqualTo(2);
    }

    @Test
    @Order(3)
    void aGbkCsvWithABadRowIsRefusedInChineseNamingTheRowAndWritesNothing() throws IOException {
        long events = count("SELECT COUNT(*) FROM domain_event_entry");
        Path gbk = files.resolve("gbk-bad.csv");
        Files.write(
                gbk,
                ("交易号,日期,类型,单位,资金来源,功能分类,经济分类,金额,摘要\n"
                                + "B-1,2020/3/5,拨款,gbk-unit,其他收入,2010301,30201,1.00,好的一行\n"
                                + "B-2,03/05/2020,拨款,gbk-unit,其他收入,2010301,30201,1.00,日期有歧义\n")
                        .getBytes(GBK));
        CommandLineIT.Run run = importing(gbk.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("第 3 行，日期（date）：日期「03/05/2020」有歧义");
        assertThat(count("SELECT COUNT(*) FROM domain_event_entry")).isEqualTo(events);
    }

    @Test
    @Order(4)
    void theYonyouVoucherExportLoadsThroughTheShippedMapping() throws IOException {
        Path samples = Path.of("..", "samples", "clerk-exports");
        Path budget =
                Files.writeString(
                        files.resolve("budget.csv"),
                        "id,date,kind,unit,fund,functional,economic,amount\n"
                                + "YB-1,2020-01-02,budget,yonyou-example,general,2010301,30201,100000.00\n",
                        StandardCharsets.UTF_8);
        assertThat(importing(budget.toString()).exit()).isZero();

        Path export = samples.resolve("yonyou-voucher-export.csv");
        CommandLineIT.Run withoutMapping = importing(export.toString());
        assertThat(withoutMapping.exit()).isEqualTo(1);
        assertThat(withoutMapping.err()).contains("未知的列「凭证日期」").contains("--mapping");

        CommandLineIT.Run run =
                importing(
                        export.toString(),
                        "--mapping",
                        samples.resolve("yonyou-voucher-mapping.csv").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("已导入 yonyou-voucher-export.csv（按 UTF-8 读取）：3 行，新记入 3 行");
        assertThat(count("SELECT COUNT(*) FROM ledger_transaction WHERE unit = 'yonyou-example'"))
                .isEqualTo(4);
    }

    private static long count(String sql) {
        try (Connection connection =
                        DriverManager.getConnection(
                                URL, TestDatabase.user(), TestDatabase.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}

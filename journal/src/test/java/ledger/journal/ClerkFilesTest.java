package ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import ledger.core.account.AppropriateFunds;
import ledger.core.account.RecordExpenditure;
import ledger.core.account.TransactionKind;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalRow;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Journals as clerks have them (issue 17 item 1): GBK text from Excel on Chinese Windows, xlsx
 * workbooks with real dates and numbers, the date and amount forms they type, another system's
 * export through a mapping, and the template. Every fixture is made here, the workbooks with POI.
 */
class ClerkFilesTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "交易号,日期,类型,单位,资金来源,功能分类,经济分类,支出性质,金额,摘要\n";

    private final JournalReader reader = new JournalReader();

    private JournalParse read(byte[] bytes) {
        return reader.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void aGbkCsvFromExcelIsReadAndSaysSo() {
        // Goal: what Excel saves as "CSV" on Chinese Windows loads, with the Chinese intact.
        byte[] gbk =
                (HEADER + "G-1,2020-01-02,拨款,u1,其他收入,2010301,30201,,100.00,办公经费到账\n").getBytes(GBK);
        JournalParse parse = read(gbk);
        assertThat(parse.problems()).isEmpty();
        assertThat(parse.readAs()).isEqualTo("GB18030 (GBK)");
        assertThat(parse.rows())
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row.entry().memo()).isEqualTo("办公经费到账");
                            assertThat(row.kind()).isEqualTo(TransactionKind.APPROPRIATION);
                        });
    }

    @Test
    void utf8WithAndWithoutBomIsReadAsUtf8() {
        String text = HEADER + "U-1,2020-01-02,拨款,u1,其他收入,2010301,30201,,100.00,到账\n";
        for (byte[] bytes :
                new byte[][] {
                    text.getBytes(StandardCharsets.UTF_8),
                    ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)
                }) {
            JournalParse parse = read(bytes);
            assertThat(parse.problems()).isEmpty();
            assertThat(parse.readAs()).isEqualTo("UTF-8");
            assertThat(parse.rows())
                    .singleElement()
                    .satisfies(row -> assertThat(row.entry().memo()).isEqualTo("到账"));
        }
    }

    @Test
    void gbkTextFarDownAnAsciiFileIsStillReadAsGbk() {
        // Goal: detection does not stop at the first kilobytes: ASCII agrees with both encodings.
        StringBuilder text =
                new StringBuilder("id,date,kind,unit,fund,functional,economic,amount,memo\n");
        for (int i = 0; i < 5_000; i++) {
            text.append("A-")
                    .append(i)
                    .append(",2020-01-02,appropriation,u1,other,2010301,30201,1.00,ok\n");
        }
        text.append("A-LAST,2020-01-02,appropriation,u1,other,2010301,30201,1.00,最后一行\n");
        JournalParse parse = read(text.toString().getBytes(GBK));
        assertThat(parse.problems()).isEmpty();
        assertThat(parse.readAs()).isEqualTo("GB18030 (GBK)");
        assertThat(parse.rows().get(5_000).entry().memo()).isEqualTo("最后一行");
    }

    @Test
    void utf8FollowedByBytesThatAreNotUtf8IsRefusedAtThatLine() {
        byte[] start =
                (HEADER + "M-1,2020-01-02,拨款,u1,其他收入,2010301,30201,,1.00,中文\n")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] rest = "M-2,2020-01-02,拨款,u1,其他收入,2010301,30201,,1.00,中文\n".getBytes(GBK);
        byte[] mixed = new byte[start.length + rest.length];
        System.arraycopy(start, 0, mixed, 0, start.length);
        System.arraycopy(rest, 0, mixed, start.length, rest.length);
        JournalParse parse = read(mixed);
        assertThat(parse.problems())
                .singleElement()
                .satisfies(
                        problem -> {
                            assertThat(problem.line()).isEqualTo(3);
                            assertThat(problem.reason()).startsWith("无法识别文件编码").contains("UTF-8");
                        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2020-03-07|2020-03-07",
                "2020/3/7|2020-03-07",
                "2020/03/07|2020-03-07",
                "2020-3-5|2020-03-05",
                "2020年3月5日|2020-03-05",
                "2020年12月31日|2020-12-31"
            })
    void everyCommonDateFormIsRead(String written, String meant) {
        JournalParse parse =
                read(
                        (HEADER + "D-1," + written + ",拨款,u1,其他收入,2010301,30201,,1.00,x\n")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(parse.problems()).isEmpty();
        assertThat(parse.rows().get(0).entry().date()).isEqualTo(LocalDate.parse(meant));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "03/07/2020|有歧义", "7-3-2020|有歧义", "20200307|应写作", "2020.3.7|应写作",
                        "2020/3/32|不是真实存在的日期",
                "2020-02-30|不是真实存在的日期", "2020年3月5|应写作", "20-3-5|有歧义", "2020年三月五日|应写作",
                        "2020/3-5|应写作"
            })
    void anAmbiguousOrMalformedDateIsRefusedNamingTheLine(String written, String reason) {
        JournalParse parse =
                read(
                        (HEADER + "D-1," + written + ",拨款,u1,其他收入,2010301,30201,,1.00,x\n")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(parse.problems())
                .singleElement()
                .satisfies(
                        problem -> {
                            assertThat(problem.line()).isEqualTo(2);
                            assertThat(problem.column()).isEqualTo("date");
                            assertThat(problem.reason()).contains(reason).contains("yyyy-mm-dd");
                        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1234.50|123450",
                "\"1,234.50\"|123450",
                "¥1.00|100",
                "￥1.00|100",
                "\"¥1,234,567.89\"|123456789",
                "\"1,000\"|100000",
                "0.5|50"
            })
    void amountsWithSeparatorsAndAYuanSignAreRead(String written, long fen) {
        JournalParse parse =
                read(
                        (HEADER + "A-1,2020-01-02,拨款,u1,其他收入,2010301,30201,," + written + ",x\n")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(parse.problems()).isEmpty();
        assertThat(((AppropriateFunds) parse.rows().get(0).command()).amount().fen())
                .isEqualTo(fen);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"1,23.45\"|千位分隔符",
                "\"12,34\"|千位分隔符",
                "\"1.234,50\"|千位分隔符",
                "¥¥1|",
                "¥-1|",
                "\"1,000.001\"|",
                "$1.00|",
                "1 000|",
                "-5|"
            })
    void aMisplacedSeparatorOrForeignFigureIsRefused(String written, String reason) {
        JournalParse parse =
                read(
                        (HEADER + "A-1,2020-01-02,拨款,u1,其他收入,2010301,30201,," + written + ",x\n")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(parse.problems())
                .singleElement()
                .satisfies(
                        problem -> {
                            assertThat(problem.line()).isEqualTo(2);
                            assertThat(problem.column()).isEqualTo("amount");
                            assertThat(problem.reason()).contains(reason == null ? "" : reason);
                        });
    }

    @Test
    void anXlsxJournalReadsDatesAndNumbersAsExcelStoresThemWithItsRowNumbers(@TempDir Path dir)
            throws IOException {
        // Goal: a workbook as a clerk keeps it: a title row, real dates, a serial date in a plain
        // number cell, amounts as numbers, codes typed as numbers, a formula with its saved result.
        Path file = dir.resolve("日记账.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("2020年");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            sheet.createRow(0).createCell(0).setCellValue("江汉区某单位 2020 年日记账");
            String[] header = {"交易号", "日期", "类型", "单位", "资金来源", "功能分类", "经济分类", "金额", "摘要"};
            XSSFRow head = sheet.createRow(2);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            XSSFRow first = sheet.createRow(3);
            first.createCell(0).setCellValue(1001);
            first.createCell(1).setCellValue(LocalDate.of(2020, 3, 7));
            first.getCell(1).setCellStyle(date);
            first.createCell(2).setCellValue("拨款");
            first.createCell(3).setCellValue("u1");
            first.createCell(4).setCellValue("其他收入");
            first.createCell(5).setCellValue(2010301);
            first.createCell(6).setCellValue(30201);
            first.createCell(7).setCellValue(1234.5);
            first.createCell(8).setCellValue("第一笔");
            XSSFRow second = sheet.createRow(5);
            second.createCell(0).setCellValue("X-2");
            second.createCell(1)
                    .setCellValue(43_898); // Excel's serial for 2020-03-08, no date format
            second.createCell(2).setCellValue("拨款");
            second.createCell(3).setCellValue("u1");
            second.createCell(4).setCellValue("其他收入");
            second.createCell(5).setCellValue("2010301");
            second.createCell(6).setCellValue("30201");
            second.createCell(7).setCellFormula("H4*2");
            second.createCell(8).setCellValue("公式的结果");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.createSheet("说明").createRow(0).createCell(0).setCellValue("not a journal");
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        JournalParse parse = reader.read(file, JournalReader.Options.DEFAULT);
        assertThat(parse.problems()).isEmpty();
        assertThat(parse.readAs()).isEqualTo("xlsx 工作表「2020年」");
        assertThat(parse.rows()).extracting(JournalRow::line).containsExactly(4, 6);
        // Handed over as read rather than kept, as a large import reads: the same rows.
        List<JournalRow> handed = new ArrayList<>();
        JournalParse streamed = reader.read(file, JournalReader.Options.DEFAULT, handed::add);
        assertThat(streamed.rows()).isEmpty();
        assertThat(streamed.problems()).isEmpty();
        assertThat(streamed.readAs()).isEqualTo(parse.readAs());
        assertThat(handed).isEqualTo(parse.rows());
        JournalRow one = parse.rows().get(0);
        assertThat(one.entry().transactionId().value()).isEqualTo("1001");
        assertThat(one.entry().date()).isEqualTo(LocalDate.of(2020, 3, 7));
        assertThat(((AppropriateFunds) one.command()).amount().fen()).isEqualTo(123_450);
        assertThat(one.command().account().functional().toString()).isEqualTo("2010301");
        JournalRow two = parse.rows().get(1);
        assertThat(two.entry().date()).isEqualTo(LocalDate.of(2020, 3, 8));
        assertThat(((AppropriateFunds) two.command()).amount().fen()).isEqualTo(246_900);

        // The same workbook arriving as a stream (an upload) reads the same; --sheet picks a sheet.
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(reader.read(in).rows()).hasSize(2);
        }
        JournalParse other = reader.read(file, new JournalReader.Options("说明", null));
        assertThat(other.rows()).isEmpty();
        assertThat(other.problems())
                .anySatisfy(p -> assertThat(p.reason()).contains("未知的列「not a journal」"));
        JournalParse missing = reader.read(file, new JournalReader.Options("2021年", null));
        assertThat(missing.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("没有名为「2021年」的工作表", "2020年", "说明"));
    }

    @Test
    void aFormulaWithoutItsResultOrAnErrorCellIsRefusedNamingTheCell(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("formulas.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("s");
            String[] header = {
                "id", "date", "kind", "unit", "fund", "functional", "economic", "amount", "memo"
            };
            XSSFRow head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= 2; r++) {
                XSSFRow row = sheet.createRow(r);
                String[] cells = {
                    "F-" + r,
                    "2020-01-02",
                    "appropriation",
                    "u1",
                    "other",
                    "2010301",
                    "30201",
                    "",
                    "x"
                };
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            sheet.getRow(1).removeCell(sheet.getRow(1).getCell(7));
            sheet.getRow(1).createCell(7).setCellFormula("1+1"); // never evaluated: no saved result
            sheet.getRow(2)
                    .getCell(7)
                    .setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.REF.getCode());
            try (OutputStream out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        JournalParse parse = reader.read(file, JournalReader.Options.DEFAULT);
        assertThat(parse.rows()).isEmpty();
        assertThat(parse.problems())
                .extracting(JournalProblem::line, JournalProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "amount"),
                        org.assertj.core.groups.Tuple.tuple(3, "amount"));
        assertThat(parse.problems().get(0).reason()).contains("单元格 H2 是公式");
        assertThat(parse.problems().get(1).reason()).contains("单元格 H3 是错误值 #REF!");
    }

    @Test
    void aBrokenWorkbookAZipBombAndAnEncryptedWorkbookAreEachRefusedInChinese() throws Exception {
        // A zip that is not a workbook, a workbook cut in half, an entry inflating a thousandfold,
        // and a workbook with an opening password: each refused as a whole, with what to do.
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        JournalTemplate.writeXlsx(good);
        byte[] cut = java.util.Arrays.copyOf(good.toByteArray(), good.size() / 2);
        assertThat(refusal(cut)).contains("无法读取 xlsx 工作簿");
        assertThat(refusal(zip("hello.txt", "hello".getBytes(StandardCharsets.UTF_8))))
                .contains("无法读取 xlsx 工作簿");
        assertThat(refusal(bomb(good.toByteArray()))).contains("压缩炸弹");

        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(good.toByteArray());
            }
            fs.writeFilesystem(encrypted);
        }
        assertThat(refusal(encrypted.toByteArray())).contains("加密");
    }

    private String refusal(byte[] file) {
        JournalParse parse = read(file);
        assertThat(parse.rows()).isEmpty();
        assertThat(parse.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(1));
        return parse.problems().get(0).reason();
    }

    /** The template with its sheet replaced by 200 MB of blanks, which deflate a thousandfold. */
    private static byte[] bomb(byte[] workbook) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in =
                        new java.util.zip.ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().startsWith("xl/worksheets/")) {
                    zip.write(
                            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                                    .getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        zip.write(blanks);
                    }
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                                    + "package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                                    + "</Types>")
                            .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        }
        return bytes.toByteArray();
    }

    @Test
    void theYonyouVoucherExportImportsThroughTheExampleMapping() throws IOException {
        // Goal: the shipped example mapping turns the shipped 用友 export into our rows: 资金结存
        // lines skipped, 凭证号-分录号 as ids, debit or credit as the amount, values translated.
        Path samples = Path.of("..", "samples", "clerk-exports");
        JournalMapping mapping;
        try (InputStream in = Files.newInputStream(samples.resolve("yonyou-voucher-mapping.csv"))) {
            mapping = JournalMapping.read(in);
        }
        JournalParse parse =
                reader.read(
                        samples.resolve("yonyou-voucher-export.csv"),
                        new JournalReader.Options(null, mapping));
        assertThat(parse.problems()).isEmpty();
        assertThat(parse.rows()).extracting(JournalRow::line).containsExactly(3, 4, 6);
        JournalRow appropriation = parse.rows().get(0);
        assertThat(appropriation.entry().transactionId().value()).isEqualTo("0001-2");
        assertThat(appropriation.unit().code()).isEqualTo("yonyou-example");
        assertThat(appropriation.command())
                .isInstanceOfSatisfying(
                        AppropriateFunds.class,
                        a -> {
                            assertThat(a.amount().fen()).isEqualTo(8_000_000);
                            assertThat(a.account().fund()).isEqualTo(FundSource.GENERAL);
                        });
        assertThat(parse.rows().get(1).command())
                .isInstanceOfSatisfying(
                        RecordExpenditure.class,
                        e -> {
                            assertThat(e.amount().fen()).isEqualTo(123_450);
                            assertThat(e.spending().nature()).isEqualTo(ExpenditureNature.PUBLIC);
                            assertThat(e.entry().voucher()).isEqualTo("记-0002");
                            assertThat(e.entry().date()).isEqualTo(LocalDate.of(2020, 2, 20));
                        });
        assertThat(parse.rows().get(2).command())
                .isInstanceOfSatisfying(
                        RecordExpenditure.class,
                        e -> {
                            assertThat(e.spending().nature()).isEqualTo(ExpenditureNature.PROJECT);
                            assertThat(e.spending().project().code()).isEqualTo("YY-P01");
                            assertThat(e.entry().date()).isEqualTo(LocalDate.of(2020, 3, 5));
                        });
    }

    @Test
    void aMappedRowWithBothDebitAndCreditOrAnUnmappedValueIsRefusedNamingItsLine()
            throws IOException {
        JournalMapping mapping =
                JournalMapping.read(
                        new ByteArrayInputStream(
                                ("对方列,本系统列,对方值,本系统值\n"
                                                + "凭证号,id,,\n日期,date,,\n科目,kind,,\n借方,amount,,\n贷方,amount,,\n,unit,,u1\n,fund,,other\n"
                                                + ",functional,,2010301\n,economic,,30201\n科目,kind,6001,appropriation\n")
                                        .getBytes(GBK)));
        String export =
                "凭证号,日期,科目,借方,贷方\n1,2020-01-02,6001,5.00,0\n2,2020-01-02,6001,5.00,5.00\n"
                        + "3,2020-01-02,9999,0,5.00\n";
        JournalParse parse =
                reader.read(
                        new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)),
                        new JournalReader.Options(null, mapping));
        assertThat(parse.rows()).extracting(JournalRow::line).containsExactly(2);
        assertThat(parse.problems())
                .extracting(JournalProblem::line, JournalProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "amount"),
                        org.assertj.core.groups.Tuple.tuple(4, "kind"));
        assertThat(parse.problems().get(0).reason()).contains("同时有值");
    }

    @Test
    void aBadMappingFileIsRefusedNamingItsLine() {
        assertThat(mappingRefusal("对方列,本系统列,对方值,本系统值\n凭证日期,when,,\n"))
                .contains("映射文件第 2 行", "when");
        assertThat(mappingRefusal("a,b\n")).contains("映射文件第 1 行");
        assertThat(mappingRefusal("对方列,本系统列,对方值,本系统值\n科目,fund,1,跳过\n")).contains("第 2 行", "跳过");
    }

    private static String mappingRefusal(String text) {
        try {
            JournalMapping.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException refused) {
            return refused.getMessage();
        } catch (IOException unexpected) {
            throw new AssertionError(unexpected);
        }
        throw new AssertionError("mapping accepted: " + text);
    }

    @Test
    void theTemplateInBothFormsHasChineseHeadersAndOneValidExampleOfEachKind() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        JournalTemplate.writeCsv(csv);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        JournalTemplate.writeXlsx(xlsx);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("交易号,日期,类型,单位,资金来源");
        for (byte[] template : new byte[][] {csv.toByteArray(), xlsx.toByteArray()}) {
            JournalParse parse = read(template);
            assertThat(parse.problems()).isEmpty();
            // Every kind a clerk types, but the transfer: it needs a registered department of two
            // units, and the template must import as it is into an empty ledger.
            assertThat(parse.rows())
                    .extracting(JournalRow::kind)
                    .containsAll(
                            java.util.Arrays.stream(TransactionKind.values())
                                    .filter(
                                            k ->
                                                    k != TransactionKind.CARRY_FORWARD
                                                            && k != TransactionKind.CARRY_IN
                                                            && k != TransactionKind.TRANSFER)
                                    .toList());
        }
    }

    @Test
    void aPlainKindWithoutAWrittenExampleGetsAGeneratedRowThatReadsAsThatKind() {
        // As if every plain kind were new: none has a written example.
        List<List<String>> generated = JournalTemplate.withEveryPlainKind(List.of());
        List<TransactionKind> plain =
                java.util.Arrays.stream(TransactionKind.values())
                        .filter(kind -> kind.shape() == TransactionKind.Shape.PLAIN)
                        .toList();
        assertThat(generated).hasSize(plain.size());
        StringBuilder csv =
                new StringBuilder(String.join(",", JournalTemplate.header())).append('\n');
        generated.forEach(row -> csv.append(String.join(",", row)).append('\n'));
        JournalParse parse = read(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(parse.problems()).isEmpty();
        assertThat(parse.rows()).extracting(JournalRow::kind).containsExactlyElementsOf(plain);
    }
}

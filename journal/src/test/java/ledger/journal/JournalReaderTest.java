package ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ledger.core.account.RecordExpenditure;
import ledger.core.account.SetInitialBudget;
import ledger.core.account.TransactionKind;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.classification.ProcurementType;
import ledger.core.journal.JournalProblem;
import ledger.core.journal.JournalProblemList;
import ledger.core.journal.JournalRow;
import org.junit.jupiter.api.Test;

/** Reading journal files as finance staff export them, and naming every bad field. */
class JournalReaderTest {

    private final JournalReader reader = new JournalReader();

    private JournalParse read(String text) {
        return reader.read(new StringReader(text));
    }

    @Test
    void chineseHeadersInAnyOrderWithCommentsQuotesAndABomAreRead() {
        // Goal: a journal written by another system (Chinese names, own column order, BOM) imports.
        String text =
                "\uFEFF# 导出自财务系统\n"
                        + "金额,日期,交易号,类型,单位,资金来源,功能分类,经济分类,支出性质,项目,摘要,采购类型,中小企业\n"
                        + "\"1,00.00\",2020-01-02,A-1,年初预算,u1,一般公共预算财政拨款,2010301,30201,,,,,\n";
        JournalParse parse = read(text);
        assertThat(parse.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.column()).isEqualTo("amount"));

        String good =
                "\uFEFF# 导出自财务系统\n"
                        + "金额,日期,交易号,类型,单位,资金来源,功能分类,经济分类,支出性质,项目,摘要,采购类型,中小企业\n"
                        + "1000.00,2020-01-02,A-1,年初预算,u1,一般公共预算财政拨款,2010301,30201,,,,,\n"
                        + "# a comment between rows\n"
                        + "250.50,2020-02-03,A-2,支出,u1,general,2010302,30202,项目支出,P-1,\"印刷, 装订\n两行\",服务,是\n";
        JournalParse ok = read(good);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.rows()).hasSize(2);
        JournalRow budget = ok.rows().get(0);
        assertThat(budget.line()).isEqualTo(3);
        assertThat(budget.kind()).isEqualTo(TransactionKind.BUDGET);
        assertThat(budget.command()).isInstanceOf(SetInitialBudget.class);
        assertThat(budget.command().account().fund()).isEqualTo(FundSource.GENERAL);
        JournalRow spend = ok.rows().get(1);
        assertThat(spend.line()).isEqualTo(5);
        RecordExpenditure expenditure = (RecordExpenditure) spend.command();
        assertThat(expenditure.amount().fen()).isEqualTo(25_050);
        assertThat(expenditure.spending().nature()).isEqualTo(ExpenditureNature.PROJECT);
        assertThat(expenditure.spending().procurement()).isEqualTo(ProcurementType.SERVICES);
        assertThat(expenditure.spending().sme()).isTrue();
        assertThat(expenditure.entry().memo()).isEqualTo("印刷, 装订 两行");
    }

    @Test
    void rowsHandedOverAsTheyAreReadAreTheRowsKeptAndNoneIsKept() {
        // Goal: a million-row file is read without holding it: each row goes to the importer as it
        // is read, bad rows are still named, and the file is refused when nothing is in it.
        String text =
                "id,date,kind,unit,fund,functional,economic,nature,amount\n"
                        + "A-1,2020-01-02,budget,u1,general,2010301,30201,,100.00\n"
                        + "A-2,2020-01-03,expenditure,u1,general,2010301,30201,public,x\n"
                        + "A-3,2020-01-04,expenditure,u1,general,2010301,30201,public,20.00\n";
        JournalParse kept =
                reader.read(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        JournalReader.Options.DEFAULT);
        List<JournalRow> handed = new java.util.ArrayList<>();
        JournalParse streamed =
                reader.read(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        JournalReader.Options.DEFAULT,
                        handed::add);

        assertThat(kept.rows()).extracting(JournalRow::line).containsExactly(2, 4);
        assertThat(handed).isEqualTo(kept.rows());
        assertThat(streamed.rows()).isEmpty();
        assertThat(streamed.problems()).isEqualTo(kept.problems()).hasSize(1);
        assertThat(streamed.readAs()).isEqualTo("UTF-8");

        JournalParse empty =
                reader.read(
                        new ByteArrayInputStream(
                                "id,date,kind,unit,fund,functional,economic,amount\n"
                                        .getBytes(StandardCharsets.UTF_8)),
                        JournalReader.Options.DEFAULT,
                        handed::add);
        assertThat(empty.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("没有"));
    }

    @Test
    void aFileWithoutOptionalColumnsIsRead() {
        JournalParse parse =
                read(
                        "id,date,kind,unit,fund,functional,economic,amount\n"
                                + "B-1,2020-03-01,appropriation,u1,other,2010301,30101,5\n");
        assertThat(parse.problems()).isEmpty();
        assertThat(parse.rows().get(0).command().account().fund()).isEqualTo(FundSource.OTHER);
    }

    @Test
    void unknownDuplicateAndMissingColumnsAreRefusedAtTheHeader() {
        JournalParse parse =
                read("id,date,kind,fund,colour,fund\nB-1,2020-03-01,budget,general,red,general\n");
        assertThat(parse.rows()).isEmpty();
        assertThat(parse.problems())
                .extracting(JournalProblem::column)
                .contains("colour", "fund", "unit");
        assertThat(parse.problems()).allMatch(p -> p.line() == 1);
    }

    @Test
    void aTransferRowIsReadAsThePayersLegAndTheReceiversLeg() {
        JournalParse parse =
                read(
                        "id,date,kind,unit,fund,functional,economic,nature,amount,to_unit\n"
                                + "T-1,2020-03-01,transfer,top,business,2080201,30299,subsidy,10.00,sub\n"
                                + "T-2,2020-03-01,transfer,sub,operating,2080201,30299,remit,5.00,top\n"
                                + "T-3,2020-03-01,transfer,sub,other,2080201,30299,public,5.00,\n"
                                + "T-4,2020-03-01,expenditure,sub,other,2080201,30299,public,5.00,top\n");
        assertThat(parse.problems())
                .extracting(p -> p.line() + ":" + p.column())
                .containsExactly("4:nature", "4:to_unit", "5:to_unit");
        parse =
                read(
                        "id,date,kind,unit,fund,functional,economic,nature,amount,收款单位\n"
                                + "T-1,2020-03-01,transfer,top,business,2080201,30299,subsidy,10.00,sub\n"
                                + "T-2,2020-03-01,transfer,sub,operating,2080201,30299,remit,5.00,top\n");
        assertThat(parse.problems()).isEmpty();
        var subsidy = parse.rows().get(0);
        assertThat(subsidy.command().account().id()).isEqualTo("2020/top/business/2080201/30299");
        assertThat(subsidy.counterpart().account().id())
                .isEqualTo("2020/sub/superior/2080201/30299");
        assertThat(parse.rows().get(1).counterpart().account().id())
                .isEqualTo("2020/top/affiliated/2080201/30299");
    }

    @Test
    void everyBadFieldOfEveryRowIsNamedWithItsLineAndColumn() {
        String text =
                "id,date,kind,unit,fund,functional,economic,nature,project,amount,reverses\n"
                        + "C-1,2020-13-01,budget,u1,general,2010301,30101,,,10.00,\n"
                        + "C-2,2020-03-01,expenditure,u1,general,2010301,30101,,,10.00,\n"
                        + "C-3,2020-03-01,expenditure,u1,general,9999999,301,personnel,,-1,\n"
                        + "C-4,2020-03-01,reversal,u1,general,,,,,10.00,C-1\n"
                        + "C-5,2020-03-01,expenditure,u1,general,2010301,30101,project,,10.00,\n"
                        + "C-6,2020-03-01,grant,u1,general,2010301,30101,,,10.00,\n"
                        + "C-7,2020-03-01,budget,u1,general,2010301,30101,,,0,\n";
        JournalParse parse = read(text);
        assertThat(parse.rows()).isEmpty();
        assertThat(parse.problems())
                .extracting(p -> p.line() + ":" + p.column())
                .contains(
                        "2:date",
                        "3:nature",
                        "4:functional",
                        "4:economic",
                        "4:amount",
                        "5:fund",
                        "5:amount",
                        "6:project",
                        "7:kind",
                        "8:amount");
    }

    @Test
    void aFileOfManyBadRowsListsTheFirstThousandProblemsAndCountsEveryOtherRow() {
        // Goal: refusing a huge bad file is bounded and linear. 200,000 rows, each with two bad
        // fields: the old per-row recount of distinct bad lines never finished this; the answer
        // is the first 1,000 problems (500 rows, each whole) and one problem counting the other
        // 199,500.
        StringBuilder text =
                new StringBuilder("id,date,kind,unit,fund,functional,economic,amount\n");
        for (int i = 0; i < 200_000; i++) {
            text.append("X-").append(i).append(",2020-02-30,budget,u1,general,2010301,30101,-1\n");
        }
        JournalParse parse = read(text.toString());
        assertThat(parse.rows()).isEmpty();
        List<JournalProblem> problems = parse.problems();
        assertThat(problems).hasSize(JournalProblemList.LISTED_AT_MOST + 1);
        assertThat(problems.subList(0, 2))
                .extracting(p -> p.line() + ":" + p.column())
                .containsExactly("2:date", "2:amount");
        assertThat(problems.get(problems.size() - 2).line()).isEqualTo(501);
        JournalProblem summary = problems.get(problems.size() - 1);
        assertThat(summary.line()).isEqualTo(502);
        assertThat(summary.reason()).startsWith("另有 199500 行被拒绝，未逐一列出");
    }

    @Test
    void aBadRowPastTheBoundIsStillRefusedNotReadAsGood() {
        // Goal: whether a row is bad must not depend on how many problems the file already listed.
        StringBuilder text =
                new StringBuilder("id,date,kind,unit,fund,functional,economic,amount\n");
        for (int i = 0; i < 1_500; i++) {
            text.append("Y-").append(i).append(",2020-03-01,budget,u1,general,2010301,30101,-1\n");
        }
        text.append("Y-GOOD,2020-03-01,budget,u1,general,2010301,30101,1.00\n");
        JournalParse parse = read(text.toString());
        assertThat(parse.rows())
                .extracting(row -> row.entry().transactionId().value())
                .containsExactly("Y-GOOD");
        assertThat(parse.problems().get(parse.problems().size() - 1).reason())
                .startsWith("另有 500 行被拒绝");
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkAreRefusedNamingTheirLine() {
        // Goal: an encoding that cannot be detected is refused at the line where it shows, not
        // guessed.
        byte[] text =
                ("id,date,kind,unit,fund,functional,economic,amount\n"
                                + "D-1,2020-01-01,budget,u1,general,2010301,30101,1.00\n"
                                + "D-2,2020-01-01,budget,u\u00ff\u00fe,general,2010301,30101,1.00\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        JournalParse parse = reader.read(new ByteArrayInputStream(text));
        assertThat(parse.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(3);
                            assertThat(p.reason()).startsWith("无法识别文件编码");
                        });
    }

    @Test
    void anEmptyFileOrAHeaderWithoutRowsIsRefused() {
        // In Chinese for the clerk, in English for an API client that asks, from the one catalog.
        assertThat(read("").problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.reason()).isEqualTo("文件是空的：第一行应为列名表头");
                            assertThat(p.reason(java.util.Locale.ENGLISH))
                                    .contains("the file is empty");
                        });
        assertThat(read("id,date,kind,unit\n").problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.reason()).isEqualTo("文件中没有交易");
                            assertThat(p.reason(java.util.Locale.ENGLISH))
                                    .isEqualTo("the file has no transactions");
                        });
        assertThat(
                        reader.read(
                                        new ByteArrayInputStream(
                                                "id,date\n".getBytes(StandardCharsets.UTF_8)))
                                .ok())
                .isFalse();
    }

    @Test
    void aRowWithTooManyOrTooFewFieldsIsRefused() {
        JournalParse parse = read("id,date,kind,unit\nE-1,2020-01-01,reversal\n");
        assertThat(parse.problems()).extracting(JournalProblem::line).containsExactly(2);
    }

    @Test
    void fieldsOfARequestGetTheSameChecksAsARow() {
        var fields = new java.util.EnumMap<JournalColumn, String>(JournalColumn.class);
        fields.put(JournalColumn.ID, "F-1");
        fields.put(JournalColumn.DATE, "2020-04-01");
        fields.put(JournalColumn.KIND, "appropriation");
        fields.put(JournalColumn.UNIT, "u1");
        fields.put(JournalColumn.FUND, "general");
        fields.put(JournalColumn.FUNCTIONAL, "2010301");
        fields.put(JournalColumn.ECONOMIC, "30101");
        fields.put(JournalColumn.AMOUNT, "1.234");
        JournalParse parse = reader.readFields(fields);
        assertThat(parse.problems())
                .extracting(JournalProblem::column)
                .isEqualTo(List.of("amount"));
        fields.put(JournalColumn.AMOUNT, "1.23");
        assertThat(reader.readFields(fields).rows()).hasSize(1);
    }

    @Test
    void repeatedValuesAreKeptOnceAndARepeatedBadValueIsReportedOnEveryRow() {
        // Goal: a million-row file fits a small heap (one account key, unit, date, memo per
        // distinct
        // value), yet sharing parsed values never hides a bad row.
        String text =
                "id,date,kind,unit,unit_name,fund,functional,economic,nature,amount,memo\n"
                        + "A-1,2020-01-02,budget,u1,单位一,general,2010301,30201,,10.00,年初预算\n"
                        + "A-2,2020-01-02,expenditure,u1,单位一,general,2010301,30201,public,1.00,年初预算\n"
                        + "A-3,2020-01-02,expenditure,u1,单位一,general,20103X7,30201,public,1.00,办公\n"
                        + "A-4,2020-01-02,expenditure,u1,单位一,general,20103X7,30201,public,1.00,办公\n";
        JournalParse parse = read(text);
        assertThat(parse.problems())
                .extracting(JournalProblem::line, JournalProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "functional"),
                        org.assertj.core.groups.Tuple.tuple(5, "functional"));

        JournalParse ok = read(text.replace("20103X7", "2010301"));
        assertThat(ok.problems()).isEmpty();
        List<JournalRow> rows = ok.rows();
        assertThat(rows).hasSize(4);
        for (JournalRow row : rows.subList(1, 4)) {
            assertThat(row.command().account()).isSameAs(rows.get(0).command().account());
            assertThat(row.unit()).isSameAs(rows.get(0).unit());
            assertThat(row.unitName()).isSameAs(rows.get(0).unitName());
            assertThat(row.entry().date()).isSameAs(rows.get(0).entry().date());
        }
        assertThat(rows.get(1).entry().memo()).isSameAs(rows.get(0).entry().memo());
        assertThat(((RecordExpenditure) rows.get(3).command()).spending())
                .isSameAs(((RecordExpenditure) rows.get(2).command()).spending());
    }

    @Test
    void aBudgetRowMayNameItsIndicatorAndNoOtherRowMay() {
        // Goal: 指标文号 (English or Chinese header) is carried on a budget row, bounded, and refused
        // elsewhere.
        JournalParse parse =
                read(
                        "id,date,kind,unit,fund,functional,economic,nature,amount,指标文号\n"
                                + "I-1,2020-01-02,budget,u1,general,2010301,30201,,10.00,江财预〔2020〕1号\n"
                                + "I-2,2020-01-02,budget,u1,general,2010301,30201,,5.00,\n"
                                + "I-3,2020-01-03,appropriation,u1,general,2010301,30201,,1.00,江财预〔2020〕1号\n"
                                + "I-4,2020-01-02,budget,u1,general,2010301,30201,,5.00,"
                                + "x".repeat(65)
                                + "\n");
        assertThat(parse.problems())
                .extracting(JournalProblem::line, JournalProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "indicator"),
                        org.assertj.core.groups.Tuple.tuple(5, "indicator"));
        assertThat(parse.problems().get(0).reason()).contains("只有年初预算行可以填写指标文号");
        assertThat(parse.problems().get(1).reason()).contains("超过 64 个字符");
        JournalParse ok =
                read(
                        "id,date,kind,unit,fund,functional,economic,amount,indicator\n"
                                + "I-1,2020-01-02,budget,u1,general,2010301,30201,10.00,江财预〔2020〕1号\n"
                                + "I-2,2020-01-02,budget,u1,general,2010301,30201,5.00,\n");
        assertThat(ok.rows())
                .extracting(
                        row -> ((ledger.core.account.SetInitialBudget) row.command()).indicator())
                .containsExactly("江财预〔2020〕1号", "");
    }
}

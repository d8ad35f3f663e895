package ledger.projections.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.statement.CellAddress;
import ledger.projections.statement.NamedCell;
import ledger.projections.statement.StatementTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goal: the 情况说明 of a 2024 year follows the 2024 template: its eleven sections in order with their
 * 2024 titles, 十 预算绩效管理情况 as marked blanks, 十一 其他重要事项 over 机关运行经费, 政府采购 and 国有资产; every figure the
 * ledger knows computed from the 2024 tables (表7 预算数 now at position 1/11), two 年初预算 指标 on one line
 * counted together. Method: a small journal through the real reader and account rules, the
 * generator with the year's default template.
 */
class Explanation2024Test {

    private static final UnitCode UNIT = UnitCode.of("shanghai-office");
    private static final FiscalYear YEAR = FiscalYear.of(2024);
    private static final String JOURNAL =
            """
            id,date,kind,unit,unit_name,fund,functional,economic,nature,amount,indicator,procurement,sme
            b1,2024-01-02,budget,shanghai-office,上海市某局,general,2010301,30217,,3000.00,沪财预〔2024〕1号,,
            b2,2024-01-03,budget,shanghai-office,,general,2010301,30217,,2000.00,沪财预〔2024〕7号,,
            a1,2024-02-01,appropriation,shanghai-office,,general,2010301,30217,,5000.00,,,
            b3,2024-01-04,budget,shanghai-office,,general,2010301,30201,,20000.00,沪财预〔2024〕9号,,
            a2,2024-02-01,appropriation,shanghai-office,,general,2010301,30201,,20000.00,,,
            e1,2024-03-01,expenditure,shanghai-office,,general,2010301,30217,public,4000.00,,,
            e2,2024-03-02,expenditure,shanghai-office,,general,2010301,30201,public,12000.00,,goods,true
            """;

    static Explanation explanation;

    @BeforeAll
    static void write() {
        SampleLedger ledger = SampleLedger.of(JOURNAL);
        explanation =
                ExplanationGenerator.generate(
                        ExplanationInput.of(UNIT, ledger.unitName, YEAR, ledger.postings));
    }

    @Test
    void theSectionsAreThoseOfThe2024Template() {
        assertThat(explanation.statements().template())
                .isEqualTo(StatementTemplate.builtIn("2024"));
        assertThat(explanation.sections())
                .extracting(Section::heading)
                .containsExactly(
                        "一、收入支出决算总体情况说明",
                        "二、收入决算情况说明",
                        "三、支出决算情况说明",
                        "四、财政拨款收入支出决算总体情况说明",
                        "五、一般公共预算财政拨款支出决算情况说明",
                        "六、一般公共预算财政拨款基本支出决算情况说明",
                        "七、财政拨款“三公”经费支出决算情况说明",
                        "八、政府性基金预算财政拨款收入支出决算情况说明",
                        "九、国有资本经营预算财政拨款收入支出决算情况说明",
                        "十、预算绩效管理情况",
                        "十一、其他重要事项的情况说明",
                        "（一）机关运行经费支出情况",
                        "（二）政府采购支出情况",
                        "（三）国有资产占有使用情况说明");
    }

    @Test
    void theFiguresComeFromThe2024TablesAndBothIndicatorsCount() {
        assertThat(explanation.statements().address(NamedCell.THREE_PUBLIC_BUDGET))
                .isEqualTo(CellAddress.parse("T7/1/1"));
        assertThat(explanation.require("three-public.budget").value()).isEqualByComparingTo("0.5");
        assertThat(explanation.require("three-public").value()).isEqualByComparingTo("0.4");
        assertThat(explanation.require("total").value()).isEqualByComparingTo("2.50");
        assertThat(explanation.require("running-costs").value()).isEqualByComparingTo("1.60");
        assertThat(explanation.require("procurement").value()).isEqualByComparingTo("1.20");
    }

    @Test
    void performanceManagementIsLeftAsMarkedBlanks() {
        String text = explanation.toText();
        assertThat(text).contains("十、预算绩效管理情况", "编报绩效目标的 2024 年度项目", "绩效管理情况不在账簿中，由单位填写");
        String performance = text.substring(text.indexOf("十、预算绩效管理情况"), text.indexOf("十一、其他重要事项"));
        assertThat(performance).doesNotContainPattern("\\d+\\.\\d\\d 万元");
    }
}

package ledger.projections.explanation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Collectors;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.statement.StatementEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 情况说明 of the 2020 sample, written from its journal (real reader, real account rules, the
 * postings the projection makes) and the prior-year file, set beside every amount and percentage
 * that part 三 of the published report states. Each published figure is either reproduced at the
 * precision it is printed with, or one of the report's self-contradictions, which the explanation
 * names.
 */
class ExplanationGeneratorTest {

    private static final UnitCode UNIT = UnitCode.of("jianghan-gov-office");
    private static final FiscalYear YEAR = FiscalYear.of(2020);

    /**
     * Every amount and percentage the seed's 情况说明 states (sections 一–十一 and 十三(一)(二)), as printed,
     * with where it is printed. Counts of vehicles and the 绩效 self-evaluation tables are not ledger
     * figures and are left out.
     */
    static final String SEED_STATES =
            """
            total	2,503.33	一
            total.change	218.45	一
            total.change-percent	9.6%	一
            income	2,493.03	二
            income.fiscal	2,493.03	二
            income.fiscal-share	100.0%	二
            expenditure	2,471.39	三
            expenditure.basic	1,011.32	三
            expenditure.basic-share	40.9%	三
            expenditure.project	1,460.07	三
            expenditure.project-share	59.1%	三
            fiscal-total	2,503.33	四
            fiscal-total.change	218.45	四
            fiscal-total.change-percent	9.6%	四
            general	2,471.39	五(一)
            general.share	100.0%	五(一)
            general.change	224.16	五(一)
            general.change-percent	10.0%	五(一)
            general	2,471.39	五(二)
            general.lei.201	1,982.84	五(二)
            general.lei.201.share	80.2%	五(二)
            general.lei.208	140.10	五(二)
            general.lei.208.share	5.7%	五(二)
            general.lei.210	219.41	五(二)
            general.lei.210.share	8.9%	五(二)
            general.lei.221	129.04	五(二)
            general.lei.221.share	5.2%	五(二)
            budget	2,232.51	五(三)
            general	2,471.39	五(三)
            budget.completion	110.7%	五(三)
            general.basic	1,011.32	五(三)
            general.project	1,460.07	五(三)
            project.JH2020-P01	9.6	五(三)(1)
            project.JH2020-P02	2.5	五(三)(2)
            project.JH2020-P03	31	五(三)(3)
            project.JH2020-P04	961.7	五(三)(4)
            project.JH2020-P05	26.5	五(三)(5)
            project.JH2020-P06	61	五(三)(6)
            project.JH2020-P07	54.59	五(三)(7)
            project.JH2020-P08	50	五(三)(8)
            project.JH2020-P09	144.08	五(三)(9)
            project.JH2020-P10	119.1	五(三)(10)
            budget.lei.201	1,932.29	五(三)1
            general.lei.201	1,982.84	五(三)1
            budget.lei.201.completion	102.6%	五(三)1
            budget.lei.208	125.67	五(三)2
            general.lei.208	140.1	五(三)2
            budget.lei.208.completion	111.5	五(三)2
            budget.lei.210	77.21	五(三)3
            general.lei.210	219.41	五(三)3
            budget.lei.210.completion	284.2%	五(三)3
            budget.lei.221	129.04	五(三)4
            general.lei.221	129.04	五(三)4
            budget.lei.221.completion	100.0%	五(三)4
            general.basic	1,011.32	六
            basic.personnel	937.18	六
            basic.public	74.14	六
            three-public.budget	12.9	七(二)
            three-public	4.55	七(二)
            three-public.completion	35.0%	七(二)
            three-public.vehicles	4.55	七(二)2
            three-public.vehicles.completion	45.5%	七(二)2
            three-public.vehicle-running	4.55	七(二)2(1)
            three-public.vehicle-running.completion	45.5%	七(二)2(1)
            three-public.vehicle-running.under-budget	5.45	七(二)2(1)
            three-public.vehicle-running.memo.燃料费	1	七(二)2(1)
            three-public.vehicle-running.memo.维修费	2.7	七(二)2(1)
            three-public.vehicle-running.memo.过桥过路费	0.01	七(二)2(1)
            three-public.vehicle-running.memo.保险费	0.84	七(二)2(1)
            three-public.change	23.76	七(二)
            three-public.change-percent	83.93%	七(二)
            three-public.abroad.change	23.29	七(二)
            three-public.abroad.change-percent	100.0%	七(二)
            three-public.vehicles.change	0.39	七(二)
            three-public.vehicles.change-percent	7.89%	七(二)
            three-public.reception.change	0.08	七(二)
            three-public.reception.change-percent	100.0%	七(二)
            running-costs	74.14	十
            running-costs.change	0.25	十
            running-costs.change-percent	0.36%	十
            procurement	63.20	十一
            procurement.goods	13.64	十一
            procurement.services	49.57	十一
            procurement.sme	40.73	十一
            procurement.sme-share	64.45%	十一
            performance.projects	10	十三(一)
            performance.project-amount	1,460.07	十三(一)
            performance.project-share	100.0%	十三(一)
            general	2471.39	十三(二)
            """;

    static SampleLedger ledger;
    static PriorYearFigures prior2019;
    static Explanation explanation;

    @BeforeAll
    static void writeThe2020Explanation() throws IOException {
        ledger = SampleLedger.of(SampleLedger.journal2020());
        prior2019 =
                PriorYearFigures.parse(
                                Files.newBufferedReader(
                                        SampleLedger.priorYear2019(), StandardCharsets.UTF_8),
                                "prior-year-2019.tsv")
                        .requireFor(UNIT, YEAR);
        explanation =
                ExplanationGenerator.generate(
                        ExplanationInput.of(UNIT, ledger.unitName, YEAR, ledger.postings)
                                .withProjectNames(ledger.projectNames)
                                .withPrior(prior2019)
                                .withStated(StatedFigures.parse(new StringReader(SEED_STATES))));
    }

    @Test
    void everyFigureTheSeedStatesIsReproducedOrNamedAsOneOfItsContradictions() {
        // Goal: the only disagreements with part 三 are the report's own; each is named with the
        // ledger's figure. Method: compare all 89 stated figures at their printed precision.
        assertThat(StatedFigures.parse(new StringReader(SEED_STATES)).figures()).hasSize(89);
        assertThat(explanation.contradictions())
                .extracting(
                        ExplanationFinding::kind,
                        ExplanationFinding::key,
                        ExplanationFinding::where,
                        ExplanationFinding::printed,
                        ExplanationFinding::computed)
                .containsExactlyInAnyOrder(
                        // 表1 prints 140.10 / 219.41, 表3 and 表5 140.09 / 219.42
                        tuple(
                                ExplanationFinding.Kind.CONTRADICTION,
                                "general.lei.208",
                                "五(二)",
                                "140.10",
                                "140.09"),
                        tuple(
                                ExplanationFinding.Kind.CONTRADICTION,
                                "general.lei.210",
                                "五(二)",
                                "219.41",
                                "219.42"),
                        tuple(
                                ExplanationFinding.Kind.CONTRADICTION,
                                "general.lei.210",
                                "五(三)3",
                                "219.41",
                                "219.42"),
                        // 年初预算 by 类 adds up to 2,264.21, the text says 2,232.51 (and 110.7% of it)
                        tuple(
                                ExplanationFinding.Kind.CONTRADICTION,
                                "budget",
                                "五(三)",
                                "2,232.51",
                                "2,264.21"),
                        tuple(
                                ExplanationFinding.Kind.CONTRADICTION,
                                "budget.completion",
                                "五(三)",
                                "110.7%",
                                "109.2%"),
                        // “完成年初预算的 111.5”: the number is right, the % is missing
                        tuple(
                                ExplanationFinding.Kind.MISSING_PERCENT_SIGN,
                                "budget.lei.208.completion",
                                "五(三)2",
                                "111.5",
                                "111.5%"),
                        // 4.55 / 12.9 = 35.27%, printed 35.0%
                        tuple(
                                ExplanationFinding.Kind.CONTRADICTION,
                                "three-public.completion",
                                "七(二)",
                                "35.0%",
                                "35.3%"),
                        // 0.25 / 73.89 = 0.338%, printed 0.36%
                        tuple(
                                ExplanationFinding.Kind.CONTRADICTION,
                                "running-costs.change-percent",
                                "十",
                                "0.36%",
                                "0.34%"));
        assertThat(explanation.contradictions())
                .noneMatch(finding -> finding.kind() == ExplanationFinding.Kind.NOT_COMPUTED);
    }

    @Test
    void theContradictionsSayHowTheLedgersFigureIsMade() {
        assertThat(messageOf("budget"))
                .contains("公布 2,232.51", "账簿 2,264.21", "1,932.29 + 125.67 + 77.21 + 129.04");
        assertThat(messageOf("three-public.completion")).contains("35.0%", "35.3%", "4.55 ÷ 12.90");
        assertThat(messageOf("running-costs.change-percent"))
                .contains("0.36%", "0.34%", "0.25 ÷ 73.89");
        assertThat(messageOf("general.lei.208")).contains("140.10", "140.09", "T5/208/1");
    }

    @Test
    void theGeneratorsOwnFiguresAreTheLedgersWhereTheReportContradictsItself() {
        assertThat(value("budget")).isEqualByComparingTo("2264.21");
        assertThat(value("budget.completion")).isEqualByComparingTo("109.2");
        assertThat(value("three-public.completion")).isEqualByComparingTo("35.3");
        assertThat(value("running-costs.change-percent")).isEqualByComparingTo("0.34");
        assertThat(value("general.lei.208")).isEqualByComparingTo("140.09");
        assertThat(value("general.lei.210")).isEqualByComparingTo("219.42");
        assertThat(value("budget.lei.208.completion")).isEqualByComparingTo("111.5");
        assertThat(explanation.require("budget.completion").display()).isEqualTo("109.2%");
    }

    @Test
    void procurementPartsThatDoNotAddUpToTheirTotalAreARoundingTailNotAnError() {
        // 13.635 + 49.565 = 63.20 exactly; shown 13.64 + 49.57 = 63.21.
        assertThat(value("procurement.goods")).isEqualByComparingTo("13.64");
        assertThat(value("procurement.services")).isEqualByComparingTo("49.57");
        assertThat(value("procurement")).isEqualByComparingTo("63.20");
        assertThat(explanation.notes())
                .singleElement()
                .satisfies(
                        note -> {
                            assertThat(note.kind())
                                    .isEqualTo(ExplanationFinding.Kind.ROUNDING_TAIL);
                            assertThat(note.key()).isEqualTo("procurement");
                            assertThat(note.message())
                                    .contains("13.64 + 49.57 = 63.21", "63.20", "13.635 + 49.565");
                        });
    }

    @Test
    void theTextFollowsThePublishedSectionsWithBlanksWhereAPersonWrites() {
        String text = explanation.toText();
        assertThat(explanation.sections())
                .extracting(Section::heading)
                .containsExactly(
                        "一、收入支出决算总体情况说明",
                        "二、收入决算情况说明",
                        "三、支出决算情况说明",
                        "四、财政拨款收入支出决算总体情况说明",
                        "五、一般公共预算财政拨款支出决算情况说明",
                        "六、一般公共预算财政拨款基本支出决算情况说明",
                        "七、一般公共预算财政拨款“三公”经费支出决算情况说明",
                        "八、政府性基金预算财政拨款收入支出决算情况",
                        "九、国有资本经营预算财政拨款支出决算情况",
                        "十、机关运行经费支出情况",
                        "十一、政府采购支出情况",
                        "十二、国有资产占用情况",
                        "十三、预算绩效情况说明");
        assertThat(explanation.sections())
                .extracting(Section::chart)
                .startsWith("fig1", "fig2", "fig3", "fig4");
        assertThat(text)
                .contains(
                        "2020 年度收、支总计 2,503.33 万元。与 2019 年度相比，收、支总计各增加 218.45 万元，增长 9.6%。"
                                + "主要原因是【主要原因：＿＿＿＿】。",
                        "其中：财政拨款收入 2,493.03 万元，占本年收入 100.0%。",
                        "其中：基本支出 1,011.32 万元，占本年支出 40.9%；项目支出 1,460.07 万元，占本年支出 59.1%。",
                        "（4）扶贫开发工作经费 961.70 万元，用于【项目用途：＿＿＿＿】。",
                        "4.住房保障支出（类）。年初预算为 129.04 万元，支出决算为 129.04 万元，完成年初预算的 100.0%。",
                        "1.本单位 2020 年无因公出国(境)支出。",
                        "3.本单位 2020 年无公务接待费。",
                        "比年初预算减少 5.45 万元，主要原因是【主要原因：＿＿＿＿】",
                        "减少 23.76 万元，下降 83.93%，其中：因公出国(境)支出决算减少 23.29 万元，下降 100.00%",
                        "没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。",
                        "没有使用国有资本经营预算财政拨款安排的支出。",
                        "政府采购支出总额 63.20 万元，其中：政府采购货物支出 13.64 万元，政府采购服务支出 49.57 万元。"
                                + "授予中小企业合同金额 40.73 万元，占政府采购支出总额的 64.45%。",
                        "共有车辆 【车辆数：＿＿＿＿】 辆",
                        "上年数来源：上年数文件 prior-year-2019.tsv");
    }

    @Test
    void basicExpenditureNamesTheEconomicItemsTheSeedNames() {
        String section = plain("六");
        assertThat(section)
                .contains(
                        "人员经费 937.18 万元，主要包括：基本工资、津贴补贴、奖金、伙食补助费、"
                                + "机关事业单位基本养老保险缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金、"
                                + "医疗费、退休费、抚恤金、医疗费补助；公用经费 74.14 万元，主要包括：办公费、印刷费、邮电费、劳务费、"
                                + "工会经费、福利费、公务用车运行维护费、其他交通费用、其他商品和服务支出、办公设备购置。");
    }

    @Test
    void figuresThatAreStatementCellsNameTheirCellForDrillDown() {
        assertThat(explanation.require("total").cell()).hasToString("T1/30/1");
        assertThat(explanation.require("three-public.vehicle-running").cell())
                .hasToString("T7/1/11");
        assertThat(explanation.require("general.lei.201").cell()).hasToString("T5/201/1");
        assertThat(explanation.require("budget").cell()).isNull();
        assertThat(explanation.figures().values())
                .filteredOn(f -> f.cell() != null)
                .allSatisfy(
                        f ->
                                assertThat(f.amountFen())
                                        .isEqualTo(explanation.statements().fen(f.cell())));
    }

    @Test
    void withoutLastYearTheYearOnYearSentencesCarryBlanksAndNoGuessedFigures() {
        Explanation withoutPrior =
                ExplanationGenerator.generate(
                        ExplanationInput.of(UNIT, ledger.unitName, YEAR, ledger.postings));
        assertThat(withoutPrior.figure("total.change")).isEmpty();
        assertThat(withoutPrior.figure("three-public.change-percent")).isEmpty();
        assertThat(withoutPrior.toText())
                .contains("收、支总计各【增减（2019 年度收、支总计缺失，请导入上年账簿或上年数文件）：＿＿＿＿】。")
                .contains("上年数来源：无上年数");
        // without the directory's names a project is shown by its code
        assertThat(withoutPrior.require("project.JH2020-P04").label()).isEqualTo("JH2020-P04");
        assertThat(explanation.require("project.JH2020-P04").label()).isEqualTo("扶贫开发工作经费");
    }

    @Test
    void lastYearInTheLedgerIsComparedFromItsOwnStatements() {
        // Goal: the ledger's previous year is used when present. Method: the same journal moved to
        // 2019 is "last year", so every comparison reads 持平 (no change).
        String journal2019 =
                SampleLedger.journal2020()
                        .replace(",2020-", ",2019-")
                        .replace("JH2020-", "JH2019-");
        SampleLedger ledger2019 = SampleLedger.of(journal2019);
        PriorYearFigures fromLedger =
                PriorYearFigures.fromStatements(
                        StatementEngine.compute(
                                UNIT,
                                ledger2019.unitName,
                                FiscalYear.of(2019),
                                null,
                                ledger2019.postings));
        assertThat(fromLedger.value(PriorYearKey.RUNNING_COSTS))
                .hasValueSatisfying(
                        money -> assertThat(money.toWanYuan()).isEqualByComparingTo("74.14"));
        Explanation compared =
                ExplanationGenerator.generate(
                        ExplanationInput.of(UNIT, ledger.unitName, YEAR, ledger.postings)
                                .withPrior(fromLedger.requireFor(UNIT, YEAR)));
        assertThat(compared.toText())
                .contains("收、支总计各持平。", "机关运行经费支出 74.14 万元，比 2019 年度持平。")
                .contains("上年数来源：账簿 2019 年度决算");
        assertThat(compared.figure("total.change")).isEmpty();
    }

    @Test
    void anAsOfDateCountsOnlyWhatIsDatedUpToIt() {
        Explanation firstHalf =
                ExplanationGenerator.generate(
                        ExplanationInput.of(UNIT, ledger.unitName, YEAR, ledger.postings)
                                .asOf(java.time.LocalDate.of(2020, 6, 30)));
        assertThat(firstHalf.asOf()).isPresent();
        assertThat(value(firstHalf, "expenditure")).isLessThan(value("expenditure"));
        assertThat(firstHalf.require("expenditure").amountFen())
                .isEqualTo(firstHalf.statements().fen(firstHalf.require("expenditure").cell()));
    }

    @Test
    void aPriorYearFileWithMistakesIsRefusedNamingEveryBadLine() {
        String bad =
                "# comment\nyear\t2019\ntotal-income\t1\nrunning-costs\t12.345\nunit\tjianghan-gov-office\n"
                        + "running-costs\n";
        assertThatThrownBy(() -> PriorYearFigures.parse(new StringReader(bad), "bad.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("第 3 行：未知的 key “total-income”")
                .hasMessageContaining("第 4 行：金额须为万元、至多两位小数")
                .hasMessageContaining("第 6 行：应为 key<TAB>value 两栏");
        assertThatThrownBy(
                        () ->
                                PriorYearFigures.parse(
                                        new StringReader("running-costs\t1\n"), "x.tsv"))
                .hasMessageContaining("缺少 year 行");
        assertThatThrownBy(() -> prior2019.requireFor(UNIT, FiscalYear.of(2021)))
                .hasMessageContaining("2021 年度情况说明需要 2020 年度的上年数");
        assertThatThrownBy(() -> prior2019.requireFor(UnitCode.of("other-unit"), YEAR))
                .hasMessageContaining("属于单位 jianghan-gov-office");
    }

    @Test
    void aStatedFigureTheLedgerCannotComputeIsNamedAsSuch() {
        Explanation checked =
                ExplanationGenerator.generate(
                        ExplanationInput.of(UNIT, ledger.unitName, YEAR, ledger.postings)
                                .withStated(
                                        StatedFigures.parse(
                                                new StringReader(
                                                        "total.change\t218.45\t一\n"
                                                                + "total\t2,503.33%\t一\n"))));
        assertThat(checked.contradictions())
                .extracting(ExplanationFinding::kind)
                .containsExactly(
                        ExplanationFinding.Kind.NOT_COMPUTED,
                        ExplanationFinding.Kind.CONTRADICTION);
        assertThatThrownBy(() -> StatedFigures.parse(new StringReader("total\tabc\n")))
                .hasMessageContaining("第 1 行：“abc”不是数字");
    }

    private static String messageOf(String key) {
        return explanation.contradictions().stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow()
                .message();
    }

    private static BigDecimal value(String key) {
        return value(explanation, key);
    }

    private static BigDecimal value(Explanation of, String key) {
        return of.require(key).value();
    }

    private static String plain(String sectionNumber) {
        return explanation.sections().stream()
                .filter(s -> s.number().equals(sectionNumber))
                .flatMap(s -> s.paragraphs().stream())
                .map(Paragraph::plain)
                .collect(Collectors.joining("\n"));
    }
}

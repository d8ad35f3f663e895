package ledger.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import ledger.core.account.FiscalYear;
import ledger.core.classification.CatalogEntry;
import ledger.core.classification.Classification;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.FunctionalCode;
import ledger.core.journal.JournalProblem;
import org.junit.jupiter.api.Test;

/**
 * Goal: a 科目表 file is taken whole or refused whole, each refusal naming its line; loads are per
 * year.
 */
class YearCatalogTest {

    private static final FiscalYear Y2024 = FiscalYear.of(2024);

    private static CatalogLine line(int n, String code, String name) {
        return new CatalogLine(n, "", code, name);
    }

    private static YearCatalog empty2024() {
        return new YearCatalog(Y2024, List.of());
    }

    @Test
    void aFileWithBothClassificationsIsTakenByFirstDigit() {
        YearCatalog.Decision decision =
                empty2024()
                        .check(
                                List.of(
                                        line(2, "20106", "财政事务"), line(3, "2010601", "行政运行"),
                                        line(4, "311", "对企业补助（基本建设）"), line(5, "31101", "资本金注入")),
                                "km.csv");
        assertThat(decision.problems()).isEmpty();
        assertThat(decision.loaded().entries())
                .containsExactly(
                        new CatalogEntry(Classification.FUNCTIONAL, "20106", "财政事务"),
                        new CatalogEntry(Classification.FUNCTIONAL, "2010601", "行政运行"),
                        new CatalogEntry(Classification.ECONOMIC, "311", "对企业补助（基本建设）"),
                        new CatalogEntry(Classification.ECONOMIC, "31101", "资本金注入"));
        assertThat(decision.loaded().year()).isEqualTo(Y2024);
        assertThat(decision.loaded().source()).isEqualTo("km.csv");
    }

    @Test
    void theClassificationColumnDecidesWhenPresent() {
        YearCatalog.Decision decision =
                empty2024()
                        .check(
                                List.of(
                                        new CatalogLine(2, "功能分类", "20106", "财政事务"),
                                        new CatalogLine(3, "economic", "31101", "资本金注入"),
                                        new CatalogLine(4, "经济分类", "311", "对企业补助（基本建设）")),
                                "");
        assertThat(decision.problems()).isEmpty();
        YearCatalog.Decision wrong =
                empty2024().check(List.of(new CatalogLine(7, "经济分类", "20106", "财政事务")), "");
        assertThat(wrong.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(7);
                            assertThat(p.column()).isEqualTo("code");
                            // Worded as the journal's code check words it, from the one catalog.
                            assertThat(p.reason()).isEqualTo("经济分类代码应为以 3 开头的支出科目：20106");
                            assertThat(p.reason(java.util.Locale.ENGLISH))
                                    .isEqualTo(
                                            "economic code must be an expenditure code starting"
                                                    + " with 3: 20106");
                        });
        YearCatalog.Decision unknownWord =
                empty2024().check(List.of(new CatalogLine(3, "收入分类", "20106", "财政事务")), "");
        assertThat(unknownWord.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(3);
                            assertThat(p.column()).isEqualTo("classification");
                        });
    }

    @Test
    void malformedCodesAreRefusedNamingTheLine() {
        YearCatalog.Decision decision =
                empty2024()
                        .check(
                                List.of(
                                        line(2, "2010A01", "行政运行"),
                                        line(3, "201060", "六位"),
                                        line(4, "1010101", "收入"),
                                        line(5, "3010101", "经济七位"),
                                        line(6, "", "无编码"),
                                        line(7, "20106", "")),
                                "");
        assertThat(decision.loaded()).isNull();
        assertThat(decision.problems())
                .extracting(JournalProblem::line)
                .containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(decision.problems().get(0).reason()).contains("只能是数字").contains("2010A01");
        assertThat(decision.problems().get(1).reason())
                .contains("3 位（类）、5 位（款）或 7 位（项）")
                .contains("201060");
        assertThat(decision.problems().get(2).reason()).contains("既非功能分类");
        assertThat(decision.problems().get(3).reason()).contains("3 位（类）或 5 位（款）");
        assertThat(decision.problems().get(4).reason()).contains("缺少科目编码");
        // The same reasons in English, from the one catalog, for an API client that asks.
        assertThat(decision.problems())
                .extracting(p -> p.reason(java.util.Locale.ENGLISH))
                .containsExactly(
                        "a code is digits only: 2010A01",
                        "functional code must have 3 (类), 5 (款) or 7 (项) digits: 201060",
                        "code 1010101 is neither functional (starting with 2) nor economic"
                                + " (starting with 3)",
                        "economic code must have 3 (类) or 5 (款) digits: 3010101",
                        "code is missing",
                        "name is missing");
        assertThat(decision.problems().get(5).column()).isEqualTo("name");
    }

    @Test
    void aXiangWhoseKuanIsMissingEverywhereIsRefused() {
        YearCatalog.Decision decision = empty2024().check(List.of(line(9, "2010601", "行政运行")), "");
        assertThat(decision.loaded()).isNull();
        assertThat(decision.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(9);
                            assertThat(p.reason())
                                    .contains("项 2010601 的上级款 20106 既不在文件中，也不在 2024 年的科目表中");
                        });
        YearCatalog.Decision kuan = empty2024().check(List.of(line(4, "31101", "资本金注入")), "");
        assertThat(kuan.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("上级类 311"));
    }

    @Test
    void aParentAlreadyInTheYearsCatalogIsEnough() {
        // 20103 is shipped; 20106 was loaded for 2024 by an earlier file.
        YearCatalog after =
                new YearCatalog(
                        Y2024,
                        List.of(
                                new CatalogLoaded(
                                        Y2024,
                                        List.of(
                                                new CatalogEntry(
                                                        Classification.FUNCTIONAL,
                                                        "20106",
                                                        "财政事务")),
                                        "first.csv")));
        assertThat(
                        after.check(
                                        List.of(
                                                line(2, "2010302", "一般行政管理事务"),
                                                line(3, "2010601", "行政运行")),
                                        "")
                                .problems())
                .isEmpty();
        assertThat(empty2024().check(List.of(line(3, "2010601", "行政运行")), "").ok()).isFalse();
    }

    @Test
    void aNameContradictingAnAlreadyLoadedCodeIsRefused() {
        YearCatalog after =
                new YearCatalog(
                        Y2024,
                        List.of(
                                new CatalogLoaded(
                                        Y2024,
                                        List.of(
                                                new CatalogEntry(
                                                        Classification.FUNCTIONAL,
                                                        "20106",
                                                        "财政事务")),
                                        "first.csv")));
        YearCatalog.Decision decision = after.check(List.of(line(5, "20106", "税收事务")), "");
        assertThat(decision.loaded()).isNull();
        assertThat(decision.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(5);
                            assertThat(p.column()).isEqualTo("name");
                            assertThat(p.reason()).contains("科目 20106 已载入 2024 年的科目表，名为“财政事务”");
                        });
        // The same name again (full-width or half-width brackets alike) is a harmless repeat.
        assertThat(after.check(List.of(line(5, "20106", "财政事务 ")), "").ok()).isTrue();
    }

    @Test
    void oneCodeNamedTwiceDifferentlyInOneFileIsRefused() {
        YearCatalog.Decision decision =
                empty2024()
                        .check(
                                List.of(
                                        line(2, "311", "对企业补助（基本建设）"),
                                        line(3, "311", "对企业补助(基本建设)"),
                                        line(4, "311", "别的")),
                                "");
        assertThat(decision.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(4);
                            assertThat(p.reason()).contains("在第 2 行名为");
                        });
    }

    @Test
    void oneBadLineRefusesTheWholeFile() {
        YearCatalog.Decision decision =
                empty2024()
                        .check(
                                List.of(
                                        line(2, "20106", "财政事务"),
                                        line(3, "2010601", "行政运行"),
                                        line(4, "2x", "坏")),
                                "");
        assertThat(decision.ok()).isFalse();
        assertThat(decision.loaded()).isNull();
        assertThat(decision.problems()).extracting(JournalProblem::line).containsExactly(4);
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(empty2024().check(List.of(), "").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("没有科目"));
    }

    @Test
    void loadedCodesAndNamesBelongToTheirYearOnly() {
        CatalogLoaded load =
                new CatalogLoaded(
                        Y2024,
                        List.of(
                                new CatalogEntry(Classification.FUNCTIONAL, "20106", "财政事务"),
                                new CatalogEntry(Classification.FUNCTIONAL, "2010601", "行政运行"),
                                new CatalogEntry(Classification.FUNCTIONAL, "201", "一般公共服务")),
                        "km.csv");
        YearCatalog y2024 = new YearCatalog(Y2024, List.of(load));
        YearCatalog y2020 = new YearCatalog(FiscalYear.of(2020), List.of());
        assertThat(y2024.catalog().functionalName(FunctionalCode.of("2010601"))).contains("行政运行");
        assertThat(y2020.catalog().functionalName(FunctionalCode.of("2010601"))).isEmpty();
        assertThat(y2024.catalog().functionalName(FunctionalCode.of("201"))).contains("一般公共服务");
        assertThat(y2020.catalog().functionalName(FunctionalCode.of("201"))).contains("一般公共服务支出");
        // The shipped 经济分类 is complete enough for real years.
        assertThat(y2020.catalog().economicName(EconomicCode.of("31006"))).contains("大型修缮");
    }
}

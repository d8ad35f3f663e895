package ledger.core.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped catalog against the seed (seeds/000_936a84ae76ee7bb1.txt, the 2020 决算 of
 * 武汉市江汉区人民政府办公室) and reference/func_class_lei_juesuan_table1.tsv. The codes are copied here so that
 * the test runs without the shared folder.
 */
class ClassificationCatalogTest {

    /** Every functional code printed in 表2 and 表3 of the seed, with its printed name. */
    private static final Map<String, String> SEED_FUNCTIONAL = new LinkedHashMap<>();

    static {
        SEED_FUNCTIONAL.put("201", "一般公共服务支出");
        SEED_FUNCTIONAL.put("20103", "政府办公厅（室）及相关机构事务");
        SEED_FUNCTIONAL.put("2010301", "行政运行");
        SEED_FUNCTIONAL.put("2010302", "一般行政管理事务");
        SEED_FUNCTIONAL.put("2010305", "专项业务活动");
        SEED_FUNCTIONAL.put("2010399", "其他政府办公厅（室）及相关机构事务支出");
        SEED_FUNCTIONAL.put("20199", "其他一般公共服务支出");
        SEED_FUNCTIONAL.put("2019999", "其他一般公共服务支出");
        SEED_FUNCTIONAL.put("208", "社会保障和就业支出");
        SEED_FUNCTIONAL.put("20805", "行政事业单位养老支出");
        SEED_FUNCTIONAL.put("2080501", "行政单位离退休");
        SEED_FUNCTIONAL.put("2080505", "机关事业单位基本养老保险缴费支出");
        SEED_FUNCTIONAL.put("2080599", "其他行政事业单位养老支出");
        SEED_FUNCTIONAL.put("20808", "抚恤");
        SEED_FUNCTIONAL.put("2080801", "死亡抚恤");
        SEED_FUNCTIONAL.put("210", "卫生健康支出");
        SEED_FUNCTIONAL.put("21004", "公共卫生");
        SEED_FUNCTIONAL.put("2100410", "突发公共卫生事件应急处理");
        SEED_FUNCTIONAL.put("21011", "行政事业单位医疗");
        SEED_FUNCTIONAL.put("2101101", "行政单位医疗");
        SEED_FUNCTIONAL.put("2101103", "公务员医疗补助");
        SEED_FUNCTIONAL.put("21099", "其他卫生健康支出");
        SEED_FUNCTIONAL.put("2109901", "其他卫生健康支出");
        SEED_FUNCTIONAL.put("221", "住房保障支出");
        SEED_FUNCTIONAL.put("22102", "住房改革支出");
        SEED_FUNCTIONAL.put("2210201", "住房公积金");
        SEED_FUNCTIONAL.put("2210202", "提租补贴");
        SEED_FUNCTIONAL.put("2210203", "购房补贴");
    }

    /** Every economic code printed in 表6 of the seed, 人员经费 and 公用经费 columns alike. */
    private static final List<String> SEED_ECONOMIC =
            List.of(
                    "301", "30101", "30102", "30103", "30106", "30107", "30108", "30109", "30110",
                    "30111", "30112", "30113", "30114", "30199", "303", "30301", "30302", "30303",
                    "30304", "30305", "30306", "30307", "30308", "30309", "30310", "30311", "30399",
                    "302", "30201", "30202", "30203", "30204", "30205", "30206", "30207", "30208",
                    "30209", "30211", "30212", "30213", "30214", "30215", "30216", "30217", "30218",
                    "30224", "30225", "30226", "30227", "30228", "30229", "30231", "30239", "30240",
                    "30299", "307", "30701", "30703", "310", "31002", "31003", "31007", "31013",
                    "31019", "31021", "31022", "31099", "312", "31204", "31299", "399", "39908");

    /**
     * The 26 类 rows of 表1 (rows 31–56), in order, from reference/func_class_lei_juesuan_table1.tsv.
     */
    private static final Map<String, String> TABLE1_LEI = new LinkedHashMap<>();

    static {
        TABLE1_LEI.put("201", "一般公共服务支出");
        TABLE1_LEI.put("202", "外交支出");
        TABLE1_LEI.put("203", "国防支出");
        TABLE1_LEI.put("204", "公共安全支出");
        TABLE1_LEI.put("205", "教育支出");
        TABLE1_LEI.put("206", "科学技术支出");
        TABLE1_LEI.put("207", "文化旅游体育与传媒支出");
        TABLE1_LEI.put("208", "社会保障和就业支出");
        TABLE1_LEI.put("210", "卫生健康支出");
        TABLE1_LEI.put("211", "节能环保支出");
        TABLE1_LEI.put("212", "城乡社区支出");
        TABLE1_LEI.put("213", "农林水支出");
        TABLE1_LEI.put("214", "交通运输支出");
        TABLE1_LEI.put("215", "资源勘探工业信息等支出");
        TABLE1_LEI.put("216", "商业服务业等支出");
        TABLE1_LEI.put("217", "金融支出");
        TABLE1_LEI.put("219", "援助其他地区支出");
        TABLE1_LEI.put("220", "自然资源海洋气象等支出");
        TABLE1_LEI.put("221", "住房保障支出");
        TABLE1_LEI.put("222", "粮油物资储备支出");
        TABLE1_LEI.put("223", "国有资本经营预算支出");
        TABLE1_LEI.put("224", "灾害防治及应急管理支出");
        TABLE1_LEI.put("229", "其他支出");
        TABLE1_LEI.put("231", "债务还本支出");
        TABLE1_LEI.put("232", "债务付息支出");
        TABLE1_LEI.put("234", "抗疫特别国债安排的支出");
    }

    private final ClassificationCatalog catalog = ClassificationCatalog.standard();

    @Test
    void everyFunctionalCodeOfTheSeedsTables2And3IsKnownUnderItsPrintedName() {
        // Goal: replaying the seed's journal never meets an unknown 功能分类 code.
        SEED_FUNCTIONAL.forEach(
                (code, name) ->
                        assertThat(catalog.functionalName(FunctionalCode.of(code)))
                                .as(code)
                                .contains(name));
    }

    @Test
    void everyEconomicCodeOfTheSeedsTable6IsKnown() {
        // Goal: every row 表6 prints can be posted to.
        for (String code : SEED_ECONOMIC) {
            assertThat(catalog.economicName(EconomicCode.of(code))).as(code).isPresent();
        }
        assertThat(catalog.economicName(EconomicCode.of("30101"))).contains("基本工资");
        assertThat(catalog.economicName(EconomicCode.of("30231"))).contains("公务用车运行维护费");
        assertThat(catalog.economicName(EconomicCode.of("30217"))).contains("公务接待费");
        assertThat(catalog.economicName(EconomicCode.of("31013"))).contains("公务用车购置");
    }

    @Test
    void theCatalogKnowsExactlyTheTwentySixLeiOfTable1UnderTheirNames() {
        // Goal: 表1 rows 31–56 are the catalog's 类, no more and no fewer.
        TABLE1_LEI.forEach(
                (code, name) ->
                        assertThat(catalog.functionalName(FunctionalCode.of(code)))
                                .as(code)
                                .contains(name));
        assertThat(catalog.functionalCodes().keySet())
                .filteredOn(code -> code.length() == 3)
                .containsExactlyElementsOf(TABLE1_LEI.keySet());
    }

    @Test
    void everyKuanAndXiangOfTheCatalogHangsUnderAKnownParent() {
        // Goal: the hierarchy is closed, so every posting rolls up to a 款 and 类 the statements
        // print.
        catalog.functionalCodes().keySet().stream()
                .map(FunctionalCode::of)
                .forEach(
                        code ->
                                code.parent()
                                        .ifPresent(
                                                parent ->
                                                        assertThat(catalog.functionalCodes())
                                                                .as(code.code())
                                                                .containsKey(parent.code())));
        catalog.economicCodes().keySet().stream()
                .map(EconomicCode::of)
                .filter(EconomicCode::isKuan)
                .forEach(
                        code ->
                                assertThat(catalog.economicCodes())
                                        .as(code.code())
                                        .containsKey(code.lei().code()));
    }

    @Test
    void anUnknownFunctionalCodeHasNoName() {
        // Goal: a well-formed code that is not in the catalog (a typo) does not open a budget line.
        FunctionalCode typo = FunctionalCode.of("2010307");
        assertThat(catalog.functionalName(typo)).isEmpty();
        assertThat(catalog.functionalName(FunctionalCode.of("2010301"))).contains("行政运行");
    }

    @Test
    void anUnknownEconomicCodeHasNoName() {
        // Goal: the same for 经济分类.
        EconomicCode typo = EconomicCode.of("30230");
        assertThat(catalog.economicName(typo)).isEmpty();
        assertThat(catalog.economicName(EconomicCode.of("30201"))).contains("办公费");
    }

    @Test
    void theStandardCatalogIsLoadedOnce() {
        // Goal: every account check shares one catalog instead of re-reading the files.
        assertThat(ClassificationCatalog.standard()).isSameAs(catalog);
    }

    @Test
    void aCatalogCanBeBuiltFromMaps() {
        // Goal: a smaller catalog (e.g. for another region) works the same way.
        ClassificationCatalog small =
                new ClassificationCatalog(Map.of("2010301", "行政运行"), Map.of("30101", "基本工资"));
        assertThat(small.functionalName(FunctionalCode.of("2010301"))).contains("行政运行");
        assertThat(small.functionalName(FunctionalCode.of("2010302"))).isEmpty();
    }
}

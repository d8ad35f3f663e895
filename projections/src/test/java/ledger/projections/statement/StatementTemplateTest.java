package ledger.projections.statement;

import static ledger.core.classification.FundSource.GENERAL;
import static ledger.core.classification.FundSource.GOV_FUND;
import static ledger.projections.statement.PostingFixtures.expenditure;
import static ledger.projections.statement.PostingFixtures.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ledger.core.account.TransactionKind;
import ledger.core.classification.ExpenditureNature;
import ledger.projections.posting.Posting;
import ledger.projections.statement.TableTemplate.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Goal: a statement format is data. The built-in templates address cells as {@code
 * ../shared/reports/README.md} says; a variant is a copy of a template file with edits and needs no
 * code; the 2024 tables sum what their titles say; and a malformed or inconsistent template is
 * refused when it is loaded, naming the place. Method: load the shipped files, edit their JSON in
 * the test, and compute statements from fixture postings.
 */
class StatementTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBuiltInTemplatesNumberTable1And4LinesByPositionAsTheReadmeSays() {
        StatementTemplate old = StatementTemplate.builtIn("2020");
        assertThat(old.leiCodes()).hasSize(26);
        assertThat(lines(old, "T1"))
                .containsEntry("income-total", 27)
                .containsEntry("income-grand-total", 30)
                .containsEntry("lei:201", 31)
                .containsEntry("lei:234", 56)
                .containsEntry("expenditure-total", 57)
                .containsEntry("expenditure-grand-total", 60);
        assertThat(lines(old, "T4"))
                .containsEntry("opening-general", 29)
                .containsEntry("closing-general", 61)
                .containsEntry("expenditure-grand-total", 64);

        StatementTemplate official = StatementTemplate.builtIn("2024");
        assertThat(official.leiCodes())
                .hasSize(24)
                .doesNotContain("231", "232")
                .endsWith("229", "234");
        assertThat(official.printsNumbers()).isFalse();
        assertThat(lines(official, "T1"))
                .containsEntry("income-total", 25)
                .containsEntry("non-fiscal-balance-used", 26)
                .containsEntry("opening", 27)
                .containsEntry("income-grand-total", 28)
                .containsEntry("lei:201", 29)
                .containsEntry("lei:234", 52)
                .containsEntry("expenditure-total", 53)
                .containsEntry("surplus-distribution", 54)
                .containsEntry("closing", 55)
                .containsEntry("expenditure-grand-total", 56);
        assertThat(lines(official, "T4"))
                .containsEntry("income-total", 25)
                .containsEntry("opening", 26)
                .containsEntry("opening-general", 27)
                .containsEntry("opening-soe-capital", 29)
                .containsEntry("income-grand-total", 30)
                .containsEntry("lei:201", 31)
                .containsEntry("expenditure-total", 55)
                .containsEntry("closing", 56)
                .containsEntry("expenditure-grand-total", 60)
                .doesNotContainKey("closing-general");
        assertThat(official.problemWith(CellAddress.parse("T4/57/2"))).isEmpty();
        assertThat(official.problemWith(CellAddress.parse("T4/61/2")))
                .hasValue("T4 rows are lines 1–60, got: 61");
        assertThat(official.problemWith(CellAddress.parse("T9/total/6"))).isEmpty();
        assertThat(old.problemWith(CellAddress.parse("T9/total/6")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("columns are 1–3"));

        StatementTemplate variant = StatementTemplate.builtIn("2024-26");
        assertThat(variant.leiCodes()).hasSize(26);
        assertThat(lines(variant, "T1"))
                .containsEntry("lei:208", 38)
                .containsEntry("expenditure-grand-total", 60);
        assertThat(lines(variant, "T4"))
                .containsEntry("lei:208", 40)
                .containsEntry("expenditure-grand-total", 64);
    }

    @Test
    void aTwentySixLineVariantIsACopyOfThe2024FileWithTwoLinesAddedAndNeedsNoCode(@TempDir Path dir)
            throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(builtInText("2024"));
        file.put("name", "my-2024-26");
        ArrayNode lei = (ArrayNode) file.get("lei");
        lei.insert(23, JSON.createArrayNode().add("231").add("债务还本支出"));
        lei.insert(24, JSON.createArrayNode().add("232").add("债务付息支出"));
        Path written = dir.resolve("my-2024-26.json");
        Files.writeString(written, JSON.writeValueAsString(file), StandardCharsets.UTF_8);

        StatementTemplate variant = StatementTemplate.resolve(written.toString(), 2024);

        assertThat(variant.name()).isEqualTo("my-2024-26");
        List<Posting> postings =
                List.of(
                        posting()
                                .kind(TransactionKind.APPROPRIATION)
                                .functional("2080501")
                                .economic("30302")
                                .yuan("3000.00")
                                .date(LocalDate.of(2024, 2, 1))
                                .year(2024)
                                .build(),
                        expenditure(
                                        GENERAL,
                                        "2080501",
                                        "30302",
                                        ExpenditureNature.PERSONNEL,
                                        "1267.10")
                                .date(LocalDate.of(2024, 3, 1))
                                .year(2024)
                                .build());
        StatementSet own = compute(postings, variant);
        StatementSet official = compute(postings, StatementTemplate.builtIn("2024"));
        assertThat(own.value(CellAddress.parse("T1/38/2")).fen()).isEqualTo(126_710L);
        assertThat(own.value(CellAddress.parse("T4/40/3")).fen()).isEqualTo(126_710L);
        assertThat(official.value(CellAddress.parse("T1/36/2")).fen()).isEqualTo(126_710L);
        assertThat(official.value(CellAddress.parse("T1/38/2")).fen()).isZero();
        assertThat(own.displayed())
                .isEqualTo(compute(postings, StatementTemplate.builtIn("2024-26")).displayed());
        assertThat(StatementChecks.evaluate(own)).filteredOn(Finding::isError).isEmpty();
        assertThat(StatementText.render(own)).contains("二十四、债务还本支出", "二十六、抗疫特别国债安排的支出");
        assertThat(StatementText.render(official))
                .contains("二十四、抗疫特别国债安排的支出")
                .doesNotContain("债务还本支出");
    }

    @Test
    void aTwentyFourLineTemplateFromAUsersFileWorksLikeTheBuiltInOne(@TempDir Path dir)
            throws IOException {
        Path written = dir.resolve("shanghai-2024.json");
        Files.writeString(written, builtInText("2024"), StandardCharsets.UTF_8);

        StatementTemplate fromFile = StatementTemplate.resolve(written.toString(), 2024);

        assertThat(fromFile.source()).isEqualTo(written.toString());
        assertThat(fromFile.leiCodes()).hasSize(24);
        List<Posting> postings =
                RandomLedger.generate(3L, 1_000, false).stream()
                        .filter(
                                posting ->
                                        fromFile.leiCodes()
                                                .contains(
                                                        posting.account()
                                                                .functional()
                                                                .lei()
                                                                .code()))
                        .toList();
        StatementSet own =
                StatementEngine.compute(
                        PostingFixtures.UNIT,
                        "u",
                        PostingFixtures.YEAR,
                        null,
                        postings,
                        ledger.core.classification.ClassificationCatalog.standard(),
                        fromFile);
        StatementSet builtIn =
                StatementEngine.compute(
                        PostingFixtures.UNIT,
                        "u",
                        PostingFixtures.YEAR,
                        null,
                        postings,
                        ledger.core.classification.ClassificationCatalog.standard(),
                        StatementTemplate.builtIn("2024"));
        assertThat(own.displayed()).isNotEmpty().isEqualTo(builtIn.displayed());
        assertThat(StatementText.render(own)).isEqualTo(StatementText.render(builtIn));
    }

    @Test
    void twoBudgetRowsOnOneLineAddUpInThe2024Table7BudgetColumnsOverAllThreeFiscalSources() {
        StatementTemplate official = StatementTemplate.builtIn("2024");
        List<Posting> postings =
                List.of(
                        budget(GENERAL, "30217", "3000.00"),
                        budget(GENERAL, "30217", "2000.00"),
                        budget(GOV_FUND, "30231", "1000.00"),
                        expenditure(
                                        GENERAL,
                                        "2010301",
                                        "30217",
                                        ExpenditureNature.PUBLIC,
                                        "1200.00")
                                .date(LocalDate.of(2024, 5, 1))
                                .year(2024)
                                .build());

        StatementSet set = compute(postings, official);

        assertThat(set.table("T7").title()).isEqualTo("财政拨款“三公”经费支出决算表");
        assertThat(set.value(CellAddress.parse("T7/1/11")).fen())
                .as("公务接待费 预算数")
                .isEqualTo(500_000L);
        assertThat(set.value(CellAddress.parse("T7/1/12")).fen())
                .as("公务接待费 决算数")
                .isEqualTo(120_000L);
        assertThat(set.value(CellAddress.parse("T7/1/9")).fen())
                .as("公务用车运行维护费 预算数, 政府性基金")
                .isEqualTo(100_000L);
        assertThat(set.value(CellAddress.parse("T7/1/5")).fen()).as("小计 预算数").isEqualTo(100_000L);
        assertThat(set.value(CellAddress.parse("T7/1/1")).fen()).as("合计 预算数").isEqualTo(600_000L);
        assertThat(set.value(CellAddress.parse("T7/1/2")).fen()).as("合计 决算数").isEqualTo(120_000L);
        assertThat(set.address(NamedCell.RECEPTION_BUDGET)).isEqualTo(CellAddress.parse("T7/1/11"));
        assertThat(set.address(NamedCell.THREE_PUBLIC)).isEqualTo(CellAddress.parse("T7/1/2"));

        StatementSet old = compute(postings, StatementTemplate.builtIn("2020"));
        assertThat(old.value(CellAddress.parse("T7/1/6")).fen())
                .as("2020: general only")
                .isEqualTo(500_000L);
        assertThat(old.value(CellAddress.parse("T7/1/1")).fen()).isEqualTo(500_000L);
    }

    @Test
    void the2024TextPrintsNoLineNumbersAndPutsTable5TotalAtTheBottomAndTable9HasSixColumns() {
        List<Posting> postings =
                List.of(
                        posting()
                                .kind(TransactionKind.APPROPRIATION)
                                .functional("2010301")
                                .economic("30101")
                                .yuan("500.00")
                                .date(LocalDate.of(2024, 2, 1))
                                .year(2024)
                                .build(),
                        expenditure(
                                        GENERAL,
                                        "2010301",
                                        "30101",
                                        ExpenditureNature.PERSONNEL,
                                        "300.00")
                                .date(LocalDate.of(2024, 3, 1))
                                .year(2024)
                                .build());
        StatementSet set = compute(postings, StatementTemplate.builtIn("2024"));

        String text = StatementText.render(set);
        assertThat(text).doesNotContain("行次", "栏次", "（表 ").contains("2024 年度收入支出决算总表\n");
        List<StatementRow> t5 = set.table("T5").rows();
        assertThat(t5.get(t5.size() - 1).row()).isEqualTo("total");
        assertThat(set.table("T9").columns())
                .extracting(StatementColumn::heading)
                .containsExactly("年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余");
        assertThat(set.table("T6").rows())
                .extracting(StatementRow::row)
                .contains("31001", "personnel-total")
                .doesNotContain("307", "399");
        assertThat(text).contains("一般公共预算财政拨款支出决算表\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024", "2024-26"})
    void onRandomLedgersThe2024RulesHoldAndEveryCellEqualsItsTrace(String name) {
        StatementTemplate template = StatementTemplate.builtIn(name);
        List<Posting> postings =
                RandomLedger.generate(11L, 3_000, true).stream()
                        .filter(
                                posting ->
                                        template.leiCodes()
                                                .contains(
                                                        posting.account()
                                                                .functional()
                                                                .lei()
                                                                .code()))
                        .toList();
        StatementSet set =
                StatementEngine.compute(
                        PostingFixtures.UNIT,
                        "u",
                        PostingFixtures.YEAR,
                        null,
                        postings,
                        ledger.core.classification.ClassificationCatalog.standard(),
                        template);

        assertThat(StatementChecks.evaluate(set)).filteredOn(Finding::isError).isEmpty();
        Map<CellAddress, Long> cells =
                set.tables().stream()
                        .flatMap(table -> table.cellsFen().entrySet().stream())
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(cells).hasSizeGreaterThan(100);
        CellTrace tracer =
                CellTrace.over(
                        PostingFixtures.UNIT, PostingFixtures.YEAR, postings, null, template);
        cells.forEach(
                (cell, fen) ->
                        assertThat(tracer.trace(cell).fen())
                                .as("trace of %s", cell)
                                .isEqualTo(fen));
    }

    @Test
    void theDefaultTemplateFollowsTheYear() {
        assertThat(StatementTemplate.resolve(null, 2023).name()).isEqualTo("2020");
        assertThat(StatementTemplate.resolve("", 2024).name()).isEqualTo("2024");
        assertThat(StatementTemplate.resolve("2024-26", 2020).name()).isEqualTo("2024-26");
        assertThatThrownBy(() -> StatementTemplate.resolve("2019", 2024))
                .isInstanceOf(TemplateRefused.class)
                .hasMessageStartingWith("模板 2019 不能使用")
                .hasMessageContaining("既不是内置模板");
    }

    // --- refusals: each names the place, Chinese first ---

    @Test
    void malformedJsonIsRefusedNamingTheLine() {
        assertThatThrownBy(
                        () ->
                                StatementTemplate.parse(
                                        "{\n \"name\": \"x\",\n \"lei\": [\n", "broken.json"))
                .isInstanceOf(TemplateRefused.class)
                .hasMessageStartingWith("模板 broken.json 不能使用")
                .hasMessageContaining("不是合法的 JSON");
    }

    @Test
    void aCellThatSumsNothingIsRefusedNamingItsColumn() throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(builtInText("2024"));
        ((ObjectNode) file.get("tables").get(1).get("columns").get(2)).remove("sum");

        assertThatThrownBy(
                        () -> StatementTemplate.parse(JSON.writeValueAsString(file), "no-sum.json"))
                .isInstanceOf(TemplateRefused.class)
                .hasMessageContaining("tables[1]（T2）.columns[2].sum：单元格什么也不合计");
    }

    @Test
    void anEmptyFilterAlsoSumsNothingAndIsRefused() throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(builtInText("2020"));
        ((ObjectNode) file.get("tables").get(6).get("columns").get(0).get("sum").get(0))
                .set("economic", JSON.createArrayNode());

        assertThatThrownBy(
                        () -> StatementTemplate.parse(JSON.writeValueAsString(file), "empty.json"))
                .isInstanceOf(TemplateRefused.class)
                .hasMessageContaining("tables[6]（T7）.columns[0].sum[0].economic：应是非空的数组");
    }

    @Test
    void aRuleNamingAMissingCellIsRefusedNamingTheRuleAndTheCell() throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(builtInText("2024"));
        ObjectNode rule = (ObjectNode) file.get("rules").get(0);
        ((ArrayNode) rule.get("parts")).add("T1/no-such-line/1");
        ((ObjectNode) file.get("rules").get(1)).put("sum", "T7/1/13");

        assertThatThrownBy(
                        () ->
                                StatementTemplate.parse(
                                        JSON.writeValueAsString(file), "bad-rule.json"))
                .isInstanceOf(TemplateRefused.class)
                .hasMessageContaining("rules[0]（T1.income-total）：单元格 T1/no-such-line/1 不存在")
                .hasMessageContaining("rules[1]（T1.income-grand-total）：单元格 T7/1/13 不存在");
    }

    @Test
    void twoCellsWithOneAddressAreRefused() throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(builtInText("2024"));
        ((ObjectNode) file.get("tables").get(2).get("columns").get(3)).put("number", 3);
        ((ArrayNode) file.get("lei")).add(JSON.createArrayNode().add("201").add("一般公共服务支出"));
        ((ObjectNode) file.get("tables").get(0).get("foot").get(0).get(0)).put("key", "opening");

        assertThatThrownBy(
                        () -> StatementTemplate.parse(JSON.writeValueAsString(file), "twice.json"))
                .isInstanceOf(TemplateRefused.class)
                .hasMessageContaining(
                        "tables[2]（T3）.columns[3]：栏次 3 已由 columns[2] 使用，两个单元格使用同一地址 T3/*/3")
                .hasMessageContaining("lei[24]：类 201 已有一行，两个单元格使用同一地址")
                .hasMessageContaining("tables[0]（T1）.foot[2][0].key：键 opening 已用于另一行，两个单元格使用同一地址");
    }

    @Test
    void aMissingTableAndANamedCellNotPlacedAreRefused() throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(builtInText("2020"));
        ((ArrayNode) file.get("tables")).remove(8);
        ((ObjectNode) file.get("named")).remove("RECEPTION");
        ((ObjectNode) file.get("named")).put("THREE_PUBLIC", "T7/1/99");

        assertThatThrownBy(
                        () -> StatementTemplate.parse(JSON.writeValueAsString(file), "short.json"))
                .isInstanceOf(TemplateRefused.class)
                .hasMessageContaining("tables：缺少表 T9");
        ObjectNode whole = (ObjectNode) JSON.readTree(builtInText("2020"));
        ((ObjectNode) whole.get("named")).remove("RECEPTION");
        ((ObjectNode) whole.get("named")).put("THREE_PUBLIC", "T7/1/99");
        assertThatThrownBy(
                        () -> StatementTemplate.parse(JSON.writeValueAsString(whole), "named.json"))
                .isInstanceOf(TemplateRefused.class)
                .hasMessageContaining("named.RECEPTION：缺少")
                .hasMessageContaining("named.THREE_PUBLIC：单元格 T7/1/99 不存在");
    }

    @Test
    void anUnknownFieldOrMeasureIsNamed() throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(builtInText("2024"));
        ((ObjectNode) file.get("tables").get(4)).put("totalAtt", "bottom");
        ((ObjectNode) file.get("tables").get(4).get("columns").get(0).get("sum").get(0))
                .put("measure", "spent");

        assertThatThrownBy(
                        () -> StatementTemplate.parse(JSON.writeValueAsString(file), "typo.json"))
                .isInstanceOf(TemplateRefused.class)
                .hasMessageContaining("tables[4]（T5）.totalAtt：未知字段")
                .hasMessageContaining(
                        "tables[4]（T5）.columns[0].sum[0].measure：应为 budget、appropriation、"
                                + "expenditure、opening、closing 之一，得到 “spent”");
    }

    private static Posting budget(
            ledger.core.classification.FundSource fund, String economic, String yuan) {
        return posting()
                .kind(TransactionKind.BUDGET)
                .fund(fund)
                .functional("2010301")
                .economic(economic)
                .yuan(yuan)
                .date(LocalDate.of(2024, 1, 5))
                .year(2024)
                .build();
    }

    private static StatementSet compute(List<Posting> postings, StatementTemplate template) {
        return StatementEngine.compute(
                PostingFixtures.UNIT,
                "某局",
                ledger.core.account.FiscalYear.of(2024),
                null,
                postings,
                ledger.core.classification.ClassificationCatalog.standard(),
                template);
    }

    private static Map<String, Integer> lines(StatementTemplate template, String table) {
        return template.table(table).lines().stream()
                .filter(line -> line.key() != null)
                .collect(Collectors.toMap(Line::key, Line::number));
    }

    private static String builtInText(String name) throws IOException {
        try (InputStream in =
                StatementTemplate.class.getResourceAsStream("/templates/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

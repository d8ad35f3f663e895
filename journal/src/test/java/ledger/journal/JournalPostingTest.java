package ledger.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import ledger.core.account.AccountBook;
import ledger.core.account.InMemoryLedgerRegistry;
import ledger.core.account.ProjectRegistered;
import ledger.core.account.TransactionReversed;
import ledger.core.account.UnitRegistered;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalPosting.KnownNames;
import ledger.core.journal.JournalPosting.LoadedAccount;
import ledger.core.journal.JournalPosting.Outcome;
import ledger.core.journal.JournalProblem;
import org.junit.jupiter.api.Test;

/** A whole file through the account rules in memory: order, reversals, repeats, registrations. */
class JournalPostingTest {

    private static final String HEADER =
            "id,date,kind,unit,unit_name,fund,functional,economic,nature,project,"
                    + "project_name,amount,reverses\n";

    private Outcome post(String rows, InMemoryLedgerRegistry registry) {
        JournalParse parse = new JournalReader().read(new StringReader(HEADER + rows));
        assertThat(parse.problems()).isEmpty();
        JournalPosting.AccountLoader empty =
                keys -> {
                    Map<ledger.core.account.AccountKey, LoadedAccount> books = new HashMap<>();
                    keys.forEach(
                            key -> books.put(key, new LoadedAccount(new AccountBook(key), -1)));
                    return books;
                };
        return new JournalPosting(registry, empty, new KnownNames(Map.of(), Map.of()))
                .post(parse.rows());
    }

    @Test
    void rowsApplyInFileOrderWithSequenceNumbersPerAccountAndRegisterUnitsAndProjects() {
        Outcome outcome =
                post(
                        ""
                                + "A-1,2020-01-02,budget,u1,单位一,general,2010302,30202,,,,100.00,\n"
                                + "A-2,2020-01-03,appropriation,u1,,general,2010302,30202,,,,100.00,\n"
                                + "A-3,2020-01-04,expenditure,u1,,general,2010302,30202,project,P-1,印刷项目,60.00,\n"
                                + "A-4,2020-01-05,reversal,u1,,,,,,,,,A-3\n"
                                + "A-5,2020-01-06,expenditure,u1,,general,2010302,30202,project,P-1,,100.00,\n",
                        new InMemoryLedgerRegistry());
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.applied()).isEqualTo(5);
        assertThat(outcome.events())
                .extracting(e -> e.payload().getClass().getSimpleName())
                .containsExactly(
                        "UnitRegistered",
                        "InitialBudgetSet",
                        "FundsAppropriated",
                        "ProjectRegistered",
                        "ExpenditureRecorded",
                        "TransactionReversed",
                        "ExpenditureRecorded");
        assertThat(outcome.events())
                .filteredOn(e -> e.aggregateType().equals(JournalPosting.ACCOUNT_TYPE))
                .extracting(JournalPosting.PendingEvent::sequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(outcome.events().get(0).payload())
                .isEqualTo(new UnitRegistered(ledger.core.account.UnitCode.of("u1"), "单位一"));
        assertThat(((ProjectRegistered) outcome.events().get(3).payload()).name())
                .isEqualTo("印刷项目");
        assertThat(((TransactionReversed) outcome.events().get(5).payload()).reversed().value())
                .isEqualTo("A-3");
        assertThat(outcome.transactions()).hasSize(5);
    }

    @Test
    void everyBrokenRuleIsReportedAndNothingIsToBeStored() {
        Outcome outcome =
                post(
                        ""
                                + "B-1,2020-01-02,budget,u1,,general,2010302,30202,,,,100.00,\n"
                                + "B-2,2020-01-03,appropriation,u1,,general,2010302,30202,,,,100.01,\n"
                                + "B-3,2020-01-04,expenditure,u1,,general,2010302,30202,public,,,0.01,\n"
                                + "B-4,2020-01-05,reversal,u1,,,,,,,,,B-404\n"
                                + "B-5,2020-01-06,reversal,u1,,,,,,,,,B-1\n"
                                + "B-6,2020-01-06,reversal,u1,,,,,,,,,B-5\n",
                        new InMemoryLedgerRegistry());
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.events()).isEmpty();
        assertThat(outcome.problems())
                .extracting(p -> p.line() + ":" + p.column())
                .containsExactly("3:amount", "4:amount", "5:reverses", "7:reverses");
    }

    @Test
    void theSameIdTwiceInOneFileIsARepeatWhenEqualAndRefusedWhenNot() {
        Outcome repeat =
                post(
                        ""
                                + "C-1,2020-01-02,appropriation,u1,,other,2010302,30202,,,,5.00,\n"
                                + "C-1,2020-01-02,appropriation,u1,,other,2010302,30202,,,,5.00,\n",
                        new InMemoryLedgerRegistry());
        assertThat(repeat.problems()).isEmpty();
        assertThat(repeat.applied()).isEqualTo(1);
        assertThat(repeat.repeated()).isEqualTo(1);

        Outcome conflict =
                post(
                        ""
                                + "C-1,2020-01-02,appropriation,u1,,other,2010302,30202,,,,5.00,\n"
                                + "C-1,2020-01-02,appropriation,u1,,other,2010302,30202,,,,6.00,\n",
                        new InMemoryLedgerRegistry());
        assertThat(conflict.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.line()).isEqualTo(3);
                            assertThat(p.column()).isEqualTo("id");
                        });
    }

    @Test
    void aUnitNamedDifferentlyFromItsRegisteredNameIsRefused() {
        Outcome outcome =
                post(
                        ""
                                + "D-1,2020-01-02,appropriation,u1,单位一,other,2010302,30202,,,,5.00,\n"
                                + "D-2,2020-01-02,appropriation,u1,别的名字,other,2010302,30202,,,,5.00,\n",
                        new InMemoryLedgerRegistry());
        assertThat(outcome.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.column()).isEqualTo("unit_name"));
    }

    @Test
    void aSinkReceivesTheSameEventsInOrderAndNothingAfterTheFirstBadRow() {
        // Goal: streaming into storage sees exactly what post(rows) would store; after a bad row
        // the
        // sink gets nothing more (the caller rolls back) while every later problem is still listed.
        String good =
                ""
                        + "S-1,2020-01-02,budget,u1,单位一,general,2010302,30202,,,,100.00,\n"
                        + "S-2,2020-01-03,appropriation,u1,,general,2010302,30202,,,,100.00,\n"
                        + "S-3,2020-01-04,expenditure,u1,,general,2010302,30202,project,P-1,印刷项目,60.00,\n"
                        + "S-4,2020-01-05,reversal,u1,,,,,,,,,S-3\n";
        Outcome listed = post(good, new InMemoryLedgerRegistry());
        java.util.List<JournalPosting.PendingEvent> streamed = new java.util.ArrayList<>();
        Outcome sunk = postTo(good, streamed::add);
        assertThat(sunk.ok()).isTrue();
        assertThat(sunk.events()).isEmpty();
        assertThat(streamed).isEqualTo(listed.events()).hasSize(6);
        assertThat(sunk.transactions()).isEqualTo(listed.transactions());

        java.util.List<JournalPosting.PendingEvent> cut = new java.util.ArrayList<>();
        Outcome bad =
                postTo(
                        good
                                + "S-5,2020-01-06,expenditure,u1,,general,2010302,30202,public,,,500.00,\n"
                                + "S-6,2020-01-07,expenditure,u1,,general,2010302,30202,public,,,1.00,\n"
                                + "S-7,2020-01-08,expenditure,u1,,general,2010302,30202,public,,,900.00,\n",
                        cut::add);
        assertThat(bad.problems()).extracting(JournalProblem::line).containsExactly(6, 8);
        assertThat(cut).isEqualTo(listed.events());
    }

    private Outcome postTo(
            String rows, java.util.function.Consumer<JournalPosting.PendingEvent> sink) {
        JournalParse parse = new JournalReader().read(new StringReader(HEADER + rows));
        assertThat(parse.problems()).isEmpty();
        return new JournalPosting(
                        new InMemoryLedgerRegistry(),
                        keys -> Map.of(),
                        new KnownNames(Map.of(), Map.of()))
                .post(parse.rows(), sink);
    }

    @Test
    void aCodeOutsideItsYearsCatalogIsRefusedNamingCodeYearAndTheCommandThatLoadsIt() {
        // Goal: the year's 科目表 decides, through the registry; the refusal tells the clerk what to
        // do.
        String rows =
                "K-1,2024-01-02,budget,u1,,general,2010601,30101,,,,100.00,\n"
                        + "K-2,2024-01-02,budget,u1,,general,2010301,31199,,,,100.00,\n";
        Outcome refused = post(rows, new InMemoryLedgerRegistry());
        assertThat(refused.events()).isEmpty();
        assertThat(refused.problems())
                .extracting(JournalProblem::line, JournalProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "functional"),
                        org.assertj.core.groups.Tuple.tuple(3, "economic"));
        assertThat(refused.problems().get(0).reason())
                .startsWith("支出功能分类科目 2010601 不在 2024 年的科目表中")
                .contains("ledger catalog import 文件 --year 2024");
        assertThat(refused.problems().get(1).reason())
                .startsWith("部门预算支出经济分类科目 31199 不在 2024 年的科目表中");

        ledger.core.classification.ClassificationCatalog loaded2024 =
                ledger.core.classification.ClassificationCatalog.standard()
                        .withEntries(
                                java.util.List.of(
                                        new ledger.core.classification.CatalogEntry(
                                                ledger.core.classification.Classification
                                                        .FUNCTIONAL,
                                                "2010601",
                                                "行政运行"),
                                        new ledger.core.classification.CatalogEntry(
                                                ledger.core.classification.Classification.ECONOMIC,
                                                "31199",
                                                "其他对企业补助")));
        Outcome accepted =
                post(
                        rows,
                        new InMemoryLedgerRegistry()
                                .withCatalogs(
                                        year ->
                                                year.value() == 2024
                                                        ? loaded2024
                                                        : ledger.core.classification
                                                                .ClassificationCatalog.standard()));
        assertThat(accepted.problems()).isEmpty();
        assertThat(accepted.applied()).isEqualTo(2);
        // The same rows dated 2023 stay refused: a load belongs to its year.
        Outcome otherYear =
                post(
                        rows.replace("2024-", "2023-"),
                        new InMemoryLedgerRegistry()
                                .withCatalogs(
                                        year ->
                                                year.value() == 2024
                                                        ? loaded2024
                                                        : ledger.core.classification
                                                                .ClassificationCatalog.standard()));
        assertThat(otherYear.problems()).hasSize(2);
    }

    @Test
    void twoBudgetRowsOnOneLineAreBothPosted() {
        Outcome outcome =
                post(
                        ""
                                + "I-1,2020-01-02,budget,u1,,general,2010302,30202,,,,100.00,\n"
                                + "I-2,2020-01-03,budget,u1,,general,2010302,30202,,,,50.00,\n"
                                + "I-3,2020-01-04,appropriation,u1,,general,2010302,30202,,,,150.00,\n",
                        new InMemoryLedgerRegistry());
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.applied()).isEqualTo(3);
    }
}

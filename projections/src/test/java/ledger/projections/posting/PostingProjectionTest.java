package ledger.projections.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import ledger.core.account.AccountKey;
import ledger.core.account.BalanceCarriedForward;
import ledger.core.account.BalanceCarriedIn;
import ledger.core.account.Entry;
import ledger.core.account.ExpenditureRecorded;
import ledger.core.account.FiscalYear;
import ledger.core.account.FundsAppropriated;
import ledger.core.account.InitialBudgetSet;
import ledger.core.account.ProjectCode;
import ledger.core.account.Spending;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.TransactionReversed;
import ledger.core.account.UnitCode;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.core.classification.ProcurementType;
import ledger.core.money.Money;
import org.junit.jupiter.api.Test;

/** The posting each account event becomes: the single input of every statement cell and trace. */
class PostingProjectionTest {

    private static final AccountKey ACCOUNT =
            new AccountKey(
                    FiscalYear.of(2020),
                    UnitCode.of("u"),
                    FundSource.GENERAL,
                    FunctionalCode.of("2010302"),
                    EconomicCode.of("30202"));
    private static final Instant AT = Instant.parse("2020-05-01T08:00:00Z");

    @Test
    void anExpenditureKeepsItsAccountNatureProjectAndProcurement() {
        Spending spending =
                new Spending(
                        ExpenditureNature.PROJECT,
                        ProjectCode.of("P1"),
                        ProcurementType.SERVICES,
                        true);
        var event =
                new ExpenditureRecorded(
                        ACCOUNT,
                        new Entry(TransactionId.of("T-1"), LocalDate.of(2020, 5, 1), "记-1", "印刷"),
                        Money.ofFen(136_350_00),
                        spending);
        Posting posting = PostingProjection.toPosting(event, "e-1", 7, "clerk", AT);
        assertThat(posting.kind()).isEqualTo(TransactionKind.EXPENDITURE);
        assertThat(posting.amountFen()).isEqualTo(136_350_00);
        assertThat(posting.account()).isEqualTo(ACCOUNT);
        assertThat(posting.nature()).isEqualTo(ExpenditureNature.PROJECT);
        assertThat(posting.project()).isEqualTo(ProjectCode.of("P1"));
        assertThat(posting.procurement()).isEqualTo(ProcurementType.SERVICES);
        assertThat(posting.sme()).isTrue();
        assertThat(posting.eventType()).isEqualTo("ExpenditureRecorded");
        assertThat(posting.globalIndex()).isEqualTo(7);
        assertThat(posting.recordedBy()).isEqualTo("clerk");
        assertThat(posting.recordedAt()).isEqualTo(AT);
        assertThat(posting.voucher()).isEqualTo("记-1");
        assertThat(posting.isReversal()).isFalse();
    }

    @Test
    void aReversalCountsAsTheKindItReversesWithTheOppositeSign() {
        Spending spending = Spending.of(ExpenditureNature.PUBLIC);
        var reversal =
                new TransactionReversed(
                        ACCOUNT,
                        Entry.of("T-9", LocalDate.of(2020, 6, 1)),
                        TransactionId.of("T-1"),
                        TransactionKind.EXPENDITURE,
                        Money.ofFen(500),
                        spending);
        Posting posting = PostingProjection.toPosting(reversal, "e-9", 9, "clerk", AT);
        assertThat(posting.kind()).isEqualTo(TransactionKind.EXPENDITURE);
        assertThat(posting.amountFen()).isEqualTo(-500);
        assertThat(posting.nature()).isEqualTo(ExpenditureNature.PUBLIC);
        assertThat(posting.reverses()).isEqualTo(TransactionId.of("T-1"));
        assertThat(posting.transactionId()).isEqualTo(TransactionId.of("T-9"));
        assertThat(posting.eventType()).isEqualTo("TransactionReversed");
        assertThat(posting.isReversal()).isTrue();
    }

    @Test
    void budgetsAppropriationsAndCarryOversKeepTheirKinds() {
        Entry entry = Entry.of("T-2", LocalDate.of(2020, 1, 2));
        assertThat(
                        PostingProjection.toPosting(
                                        new InitialBudgetSet(ACCOUNT, entry, Money.ofFen(1)),
                                        "a",
                                        1,
                                        "u",
                                        AT)
                                .kind())
                .isEqualTo(TransactionKind.BUDGET);
        assertThat(
                        PostingProjection.toPosting(
                                        new FundsAppropriated(ACCOUNT, entry, Money.ofFen(1)),
                                        "b",
                                        2,
                                        "u",
                                        AT)
                                .kind())
                .isEqualTo(TransactionKind.APPROPRIATION);
        assertThat(
                        PostingProjection.toPosting(
                                        new BalanceCarriedIn(
                                                ACCOUNT, entry, Money.ofFen(1), ACCOUNT),
                                        "c",
                                        3,
                                        "u",
                                        AT)
                                .kind())
                .isEqualTo(TransactionKind.CARRY_IN);
        Posting forward =
                PostingProjection.toPosting(
                        new BalanceCarriedForward(
                                ACCOUNT,
                                Entry.of("T-3", LocalDate.of(2020, 12, 31)),
                                Money.ofFen(4),
                                ACCOUNT.nextYear()),
                        "d",
                        4,
                        "u",
                        AT);
        assertThat(forward.kind()).isEqualTo(TransactionKind.CARRY_FORWARD);
        assertThat(forward.amountFen()).isEqualTo(4);
        assertThat(forward.nature()).isNull();
    }

    @Test
    void aCopyLineEscapesTextAndSpellsNullsDatesBooleansAndTimesAsTheDriverStoresThem() {
        Spending spending =
                new Spending(
                        ExpenditureNature.PROJECT,
                        ProjectCode.of("P1"),
                        ProcurementType.GOODS,
                        false);
        var event =
                new ExpenditureRecorded(
                        ACCOUNT,
                        new Entry(
                                TransactionId.of("T-9"),
                                LocalDate.of(2020, 5, 1),
                                "记-9",
                                "a\\b 印刷"),
                        Money.ofFen(1_234),
                        spending);
        StringBuilder line = new StringBuilder();
        PostingProjection.appendCopyRow(
                PostingProjection.toPosting(
                        event, "e-9", 42, "clerk", Instant.parse("2020-05-01T08:00:00.123456500Z")),
                line);
        assertThat(line.toString())
                .isEqualTo(
                        "e-9\t42\tExpenditureRecorded\t2020\tu\tgeneral\t2010302\t30202"
                                + "\texpenditure\t1234\t2020-05-01\tproject\tP1\tgoods\tf\tT-9\t\\N\t记-9"
                                + "\ta\\\\b 印刷\tclerk\t2020-05-01T08:00:00.123457Z\t\n");
        // One column per name in the column list, so the copy and the insert cannot drift apart.
        assertThat(line.toString().split("\t", -1))
                .hasSize(PostingProjection.COLUMNS.split(",").length);
    }

    @Test
    void copyTextEscapesEveryCharacterTheFormatGivesMeaning() {
        // Entry cleans control characters out of memos today; the copy must not depend on it.
        assertThat(PostingProjection.copyText(new StringBuilder(), "a\\b\tc\nd\re").toString())
                .isEqualTo("a\\\\b\\tc\\nd\\re");
        assertThat(PostingProjection.copyText(new StringBuilder(), null).toString())
                .isEqualTo("\\N");
        // Text with nothing to escape is copied as it is; one special character anywhere is not.
        assertThat(PostingProjection.copyText(new StringBuilder(), "印刷, 装订 记-1").toString())
                .isEqualTo("印刷, 装订 记-1");
        assertThat(PostingProjection.copyText(new StringBuilder(), "末尾\\").toString())
                .isEqualTo("末尾\\\\");
        assertThat(PostingProjection.copyText(new StringBuilder(), "\r开头").toString())
                .isEqualTo("\\r开头");
        assertThat(PostingProjection.copyText(new StringBuilder(), "").toString()).isEmpty();
    }

    @Test
    void aCopyLineOfABudgetHasNullSpendingColumns() {
        var event =
                new InitialBudgetSet(
                        ACCOUNT,
                        new Entry(TransactionId.of("B-1"), LocalDate.of(2020, 1, 2), "v", "m"),
                        Money.ofFen(5),
                        "区财预〔2020〕1号");
        StringBuilder line = new StringBuilder();
        PostingProjection.appendCopyRow(
                PostingProjection.toPosting(event, "e-1", 1, "", null), line);
        assertThat(line.toString())
                .isEqualTo(
                        "e-1\t1\tInitialBudgetSet\t2020\tu\tgeneral\t2010302\t30202\tbudget"
                                + "\t5\t2020-01-02\t\\N\t\\N\t\\N\t\\N\tB-1\t\\N\tv\tm\t\t\\N\t区财预〔2020〕1号\n");
    }

    @Test
    void theRecordedTimeRoundsHalfUpToTheMicrosecondAcrossASecond() {
        assertThat(
                        PostingProjection.roundedToMicros(
                                Instant.parse("2020-01-01T00:00:00.999999500Z")))
                .isEqualTo(Instant.parse("2020-01-01T00:00:01Z"));
        assertThat(
                        PostingProjection.roundedToMicros(
                                Instant.parse("2020-01-01T00:00:00.000000499Z")))
                .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    }
}

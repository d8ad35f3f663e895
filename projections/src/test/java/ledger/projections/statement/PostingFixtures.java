package ledger.projections.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.ProjectCode;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.core.money.Money;
import ledger.projections.posting.Posting;

/**
 * Postings for statement tests, built directly (no event store): sensible defaults, override what
 * matters.
 */
final class PostingFixtures {

    static final UnitCode UNIT = UnitCode.of("jianghan-gov-office");
    static final String UNIT_NAME = "武汉市江汉区人民政府办公室";
    static final FiscalYear YEAR = FiscalYear.of(2020);

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private PostingFixtures() {}

    static Builder posting() {
        return new Builder();
    }

    static Builder appropriation(FundSource fund, String functional, String economic, String yuan) {
        return posting()
                .kind(TransactionKind.APPROPRIATION)
                .fund(fund)
                .functional(functional)
                .economic(economic)
                .yuan(yuan);
    }

    static Builder expenditure(
            FundSource fund,
            String functional,
            String economic,
            ExpenditureNature nature,
            String yuan) {
        return posting()
                .kind(TransactionKind.EXPENDITURE)
                .fund(fund)
                .functional(functional)
                .economic(economic)
                .nature(nature)
                .yuan(yuan);
    }

    /** The reversal of a posting: same account and kind, negative amount, naming the original. */
    static Posting reversalOf(Posting original, LocalDate date) {
        Builder builder =
                posting()
                        .kind(original.kind())
                        .date(date)
                        .fen(Math.negateExact(original.amountFen()));
        builder.account = original.account();
        builder.nature = original.nature();
        builder.project = original.project();
        builder.reverses = original.transactionId();
        builder.eventType = "TransactionReversed";
        return builder.build();
    }

    /** A statement set of the fixture unit and year, whole year. */
    static StatementSet compute(Iterable<Posting> postings) {
        return StatementEngine.compute(UNIT, UNIT_NAME, YEAR, null, postings);
    }

    static final class Builder {
        private AccountKey account;
        private UnitCode unit = UNIT;
        private FiscalYear year = YEAR;
        private FundSource fund = FundSource.GENERAL;
        private String functional = "2010301";
        private String economic = "30101";
        private TransactionKind kind = TransactionKind.APPROPRIATION;
        private long fen = 100_00L;
        private LocalDate date = LocalDate.of(2020, 3, 1);
        private ExpenditureNature nature;
        private ProjectCode project;
        private TransactionId reverses;
        private String eventType;

        Builder unit(String code) {
            this.unit = UnitCode.of(code);
            return this;
        }

        Builder year(int value) {
            this.year = FiscalYear.of(value);
            this.date = LocalDate.of(value, date.getMonthValue(), date.getDayOfMonth());
            return this;
        }

        Builder fund(FundSource value) {
            this.fund = value;
            return this;
        }

        Builder functional(String code) {
            this.functional = code;
            return this;
        }

        Builder economic(String code) {
            this.economic = code;
            return this;
        }

        Builder kind(TransactionKind value) {
            this.kind = value;
            return this;
        }

        Builder nature(ExpenditureNature value) {
            this.nature = value;
            if (value == ExpenditureNature.PROJECT && project == null) {
                this.project = ProjectCode.of("P-1");
            }
            return this;
        }

        Builder yuan(String amount) {
            this.fen = Money.parseYuan(amount).fen();
            return this;
        }

        Builder fen(long value) {
            this.fen = value;
            return this;
        }

        Builder date(LocalDate value) {
            this.date = value;
            return this;
        }

        Builder date(String isoDate) {
            return date(LocalDate.parse(isoDate));
        }

        Posting build() {
            long index = SEQUENCE.incrementAndGet();
            AccountKey key =
                    account != null
                            ? account
                            : new AccountKey(
                                    year,
                                    unit,
                                    fund,
                                    FunctionalCode.of(functional),
                                    EconomicCode.of(economic));
            return new Posting(
                    index,
                    "event-" + index,
                    eventType != null ? eventType : kind.name(),
                    key,
                    kind,
                    fen,
                    date,
                    nature,
                    project,
                    null,
                    null,
                    TransactionId.of("tx-" + index),
                    reverses,
                    null,
                    null,
                    "tester",
                    Instant.parse("2020-12-31T00:00:00Z"));
        }
    }
}

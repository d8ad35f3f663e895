package ledger.projections.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.ProjectCode;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.projections.posting.Posting;

/**
 * Random but valid postings of the fixture unit and year, as the ledger's rules allow them: codes
 * from the catalog, natures that agree with the economic code, only 基本/项目 for 财政拨款 funds, reversals
 * of earlier postings dated no earlier than them, and many amounts on a rounding edge (an odd 0.005
 * 万元) so that half-up rounding is exercised everywhere.
 */
final class RandomLedger {

    private static final TransactionKind[] KINDS = {
        TransactionKind.APPROPRIATION, TransactionKind.APPROPRIATION, TransactionKind.APPROPRIATION,
        TransactionKind.EXPENDITURE, TransactionKind.EXPENDITURE, TransactionKind.EXPENDITURE,
        TransactionKind.EXPENDITURE, TransactionKind.OPENING, TransactionKind.CARRY_IN,
        TransactionKind.BUDGET, TransactionKind.SUPPLEMENT, TransactionKind.REDUCE,
        TransactionKind.CARRY_FORWARD
    };
    private static final String[] THREE_PUBLIC_COSTS = {"30212", "31013", "30231", "30217"};

    private final Random random;
    private final List<FunctionalCode> xiang = new ArrayList<>();
    private final List<EconomicCode> kuan = new ArrayList<>();
    private final List<AccountKey> accounts = new ArrayList<>();
    private final ProjectCode project = ProjectCode.of("P-RANDOM");
    private final Instant recordedAt = Instant.parse("2021-01-01T00:00:00Z");

    private RandomLedger(long seed) {
        this.random = new Random(seed);
        ClassificationCatalog catalog = ClassificationCatalog.standard();
        catalog.functionalCodes().keySet().stream()
                .filter(code -> code.length() == 7)
                .forEach(code -> xiang.add(FunctionalCode.of(code)));
        catalog.economicCodes().keySet().stream()
                .filter(code -> code.length() == 5)
                .forEach(code -> kuan.add(EconomicCode.of(code)));
    }

    /**
     * @param otherUnitsAndYears also mix in postings the engine must leave out
     */
    static List<Posting> generate(long seed, int count, boolean otherUnitsAndYears) {
        return new RandomLedger(seed).postings(count, otherUnitsAndYears);
    }

    private List<Posting> postings(int count, boolean otherUnitsAndYears) {
        for (int i = 0; i < 400; i++) {
            accounts.add(randomAccount(PostingFixtures.UNIT, PostingFixtures.YEAR));
        }
        List<Posting> postings = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            postings.add(next(index, postings, otherUnitsAndYears));
        }
        return postings;
    }

    private Posting next(int index, List<Posting> earlier, boolean otherUnitsAndYears) {
        if (!earlier.isEmpty() && random.nextInt(30) == 0) {
            return reversal(index, earlier.get(random.nextInt(earlier.size())));
        }
        AccountKey account = accounts.get(random.nextInt(accounts.size()));
        if (otherUnitsAndYears && random.nextInt(10) == 0) {
            account =
                    random.nextBoolean()
                            ? randomAccount(UnitCode.of("other-unit"), PostingFixtures.YEAR)
                            : randomAccount(PostingFixtures.UNIT, FiscalYear.of(2019));
        }
        TransactionKind kind = KINDS[random.nextInt(KINDS.length)];
        if (kind == TransactionKind.BUDGET && random.nextBoolean()) {
            account = withEconomic(account, THREE_PUBLIC_COSTS[random.nextInt(4)]);
        }
        ExpenditureNature nature = kind == TransactionKind.EXPENDITURE ? natureFor(account) : null;
        LocalDate date =
                kind == TransactionKind.CARRY_IN
                        ? account.year().firstDay()
                        : account.year().firstDay().plusDays(random.nextInt(365));
        return posting(index, account, kind, amount(), date, nature, null);
    }

    private Posting reversal(int index, Posting original) {
        LocalDate date = original.date().plusDays(random.nextInt(20));
        if (date.getYear() != original.date().getYear()) {
            date = original.date();
        }
        return posting(
                index,
                original.account(),
                original.kind(),
                -original.amountFen(),
                date,
                original.nature(),
                original.transactionId());
    }

    private Posting posting(
            int index,
            AccountKey account,
            TransactionKind kind,
            long fen,
            LocalDate date,
            ExpenditureNature nature,
            TransactionId reverses) {
        return new Posting(
                index,
                null,
                kind.name(),
                account,
                kind,
                fen,
                date,
                nature,
                nature == ExpenditureNature.PROJECT ? project : null,
                null,
                null,
                TransactionId.of("r-" + index),
                reverses,
                null,
                null,
                "random",
                recordedAt);
    }

    private AccountKey randomAccount(UnitCode unit, FiscalYear year) {
        FundSource fund = FundSource.values()[random.nextInt(FundSource.values().length)];
        EconomicCode economic =
                random.nextInt(5) == 0
                        ? EconomicCode.of(THREE_PUBLIC_COSTS[random.nextInt(4)])
                        : kuan.get(random.nextInt(kuan.size()));
        return new AccountKey(year, unit, fund, xiang.get(random.nextInt(xiang.size())), economic);
    }

    private static AccountKey withEconomic(AccountKey account, String economic) {
        return new AccountKey(
                account.year(),
                account.unit(),
                account.fund(),
                account.functional(),
                EconomicCode.of(economic));
    }

    /** 基本 natures follow the economic code; 财政拨款 funds spend on 基本 or 项目 only. */
    private ExpenditureNature natureFor(AccountKey account) {
        ExpenditureNature basic =
                account.economic().isPersonnel()
                        ? ExpenditureNature.PERSONNEL
                        : ExpenditureNature.PUBLIC;
        if (account.fund().isFiscalAppropriation()) {
            return random.nextBoolean() ? basic : ExpenditureNature.PROJECT;
        }
        switch (random.nextInt(5)) {
            case 0:
                return ExpenditureNature.REMIT;
            case 1:
                return ExpenditureNature.BUSINESS_OP;
            case 2:
                return ExpenditureNature.SUBSIDY;
            case 3:
                return ExpenditureNature.PROJECT;
            default:
                return basic;
        }
    }

    /** Up to 50 万元; one in three exactly on a half-up edge (… 0.005 万元 = 50.00 yuan). */
    private long amount() {
        long tenThousandths = 1 + random.nextInt(500_000);
        if (random.nextInt(3) == 0) {
            return tenThousandths * 10_000L + 5_000L;
        }
        return 1 + (long) random.nextInt(500_000_000);
    }
}

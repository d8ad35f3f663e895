package ledger.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import ledger.core.account.AccountBook;
import ledger.core.account.AccountCommand;
import ledger.core.account.AccountEvent;
import ledger.core.account.AccountKey;
import ledger.core.account.AppropriateFunds;
import ledger.core.account.Entry;
import ledger.core.account.ExpenditureRecorded;
import ledger.core.account.FiscalYear;
import ledger.core.account.LedgerRegistry;
import ledger.core.account.ProjectCode;
import ledger.core.account.RecordExpenditure;
import ledger.core.account.RecordOpeningBalance;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.ReduceBudget;
import ledger.core.account.ReverseTransaction;
import ledger.core.account.RuleViolation;
import ledger.core.account.SetInitialBudget;
import ledger.core.account.Spending;
import ledger.core.account.SupplementBudget;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.TransactionReversed;
import ledger.core.account.UnitCode;
import ledger.core.account.YearStatus;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.core.classification.ProcurementType;
import ledger.core.money.Money;

/**
 * A synthetic budget year for benchmarks: a journal of N transactions across many units that is
 * valid under every rule of {@link ledger.core.account.AccountBook}, the same money movements as a
 * ledger-cli and an hledger journal, and further single commands that are valid after the journal.
 *
 * <p>Validity is asked, not re-implemented: every row is first a command to the account's own
 * {@link AccountBook}, and is written only when {@code decide} accepts it (its events are then
 * applied to the book). The generator only sizes amounts sensibly from the book's figures, so that
 * most proposals pass. The same seed gives the same files, byte for byte.
 */
public final class SyntheticYear {

    /** Journal columns written, in this order. */
    static final String HEADER =
            "id,date,kind,unit,unit_name,fund,functional,economic,nature,project,"
                    + "project_name,amount,voucher,memo,reverses,procurement,sme";

    private static final FundSource[] FUNDS = FundSource.values();

    /**
     * Share of accounts per fund, in {@link FundSource} order: mostly 一般公共预算, every source present.
     */
    private static final double[] FUND_WEIGHTS = {0.50, 0.10, 0.05, 0.07, 0.10, 0.06, 0.04, 0.08};

    private static final ExpenditureNature[] OTHER_NATURES = {
        ExpenditureNature.REMIT, ExpenditureNature.BUSINESS_OP, ExpenditureNature.SUBSIDY
    };
    private static final ProcurementType[] PROCUREMENT = ProcurementType.values();
    private static final int PROJECTS_PER_UNIT = 10;

    /**
     * @param transactions journal rows to write (at least 1)
     * @param units units the rows spread over (at least 1)
     * @param commands rows of {@code commands.csv}
     */
    public record Settings(int transactions, int year, int units, long seed, int commands) {
        public Settings {
            if (transactions < 1 || transactions > 2_000_000) {
                throw new IllegalArgumentException(
                        "transactions must be between 1 and 2,000,000, got " + transactions);
            }
            if (units < 1 || units > 99_999) {
                throw new IllegalArgumentException(
                        "units must be between 1 and 99,999, got " + units);
            }
            if (year < 2000 || year > 2099) {
                throw new IllegalArgumentException(
                        "year must be between 2000 and 2099, got " + year);
            }
            if (commands < 0 || commands > 1_000_000) {
                throw new IllegalArgumentException(
                        "commands must be between 0 and 1,000,000, got " + commands);
            }
        }

        /**
         * Defaults scaled with the size: about one unit per 3,000 rows, commands a tenth of the
         * rows.
         */
        public static Settings of(
                int transactions, int year, Integer units, long seed, Integer commands) {
            int scaledUnits = Math.max(1, Math.round(transactions / 3000f));
            int scaledCommands = Math.min(50_000, Math.max(2_000, transactions / 10));
            return new Settings(
                    transactions,
                    year,
                    units == null ? scaledUnits : units,
                    seed,
                    commands == null ? scaledCommands : commands);
        }
    }

    /** What one unit's rows add up to, in fen, reversals netted: what its statements must show. */
    public static final class UnitSums {
        long budget;
        long appropriated;
        long opening;
        long spent;
        final long[] appropriatedByFund = new long[FUNDS.length];

        /** 年初预算 + 追加 − 调减. */
        public long budgetFen() {
            return budget;
        }

        /** All appropriations (表1 line 27). */
        public long appropriatedFen() {
            return appropriated;
        }

        public long appropriatedFen(FundSource fund) {
            return appropriatedByFund[fund.ordinal()];
        }

        /** Opening balances (表1 line 29). */
        public long openingFen() {
            return opening;
        }

        /** All expenditure (表1 line 57). */
        public long spentFen() {
            return spent;
        }
    }

    /**
     * @param rows journal rows written
     * @param commands rows of commands.csv written
     * @param accounts budget lines used
     * @param pairs functional 项 × economic 款 pairs used
     * @param rowsByKind journal rows per kind
     * @param units per unit code, the sums its statements must show
     */
    public record Summary(
            int rows,
            int commands,
            int accounts,
            int pairs,
            Map<TransactionKind, Integer> rowsByKind,
            Map<String, UnitSums> units) {}

    private final Settings settings;
    private final SplittableRandom random;
    private final List<String> functional = new ArrayList<>();
    private final List<String> economic = new ArrayList<>();

    public SyntheticYear(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        ClassificationCatalog catalog = ClassificationCatalog.standard();
        catalog.functionalCodes().keySet().stream()
                .filter(code -> code.length() == 7)
                .forEach(functional::add);
        catalog.economicCodes().keySet().stream()
                .filter(code -> code.length() == 5)
                .forEach(economic::add);
    }

    /** Every functional 项 × economic 款 pair of the catalog. */
    public int catalogPairs() {
        return functional.size() * economic.size();
    }

    /**
     * Writes journal.csv, journal.ledger, journal.hledger and commands.csv into {@code directory}.
     */
    public Summary write(Path directory) {
        try {
            Files.createDirectories(directory);
            try (Writer csv = writer(directory.resolve("journal.csv"));
                    Writer ledger = writer(directory.resolve("journal.ledger"));
                    Writer hledger = writer(directory.resolve("journal.hledger"));
                    Writer commands = writer(directory.resolve("commands.csv"))) {
                return generate(csv, ledger, hledger, commands);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * One budget line: its book decides every row; the generator remembers the ids posted to it.
     */
    private final class Account {
        final int unit;
        final FundSource fund;
        final String functional;
        final String economic;
        final boolean personnel;
        final String label;
        AccountBook book;
        final List<Posted> transactions = new ArrayList<>(4);

        Account(int unit, FundSource fund, String functional, String economic) {
            this.unit = unit;
            this.fund = fund;
            this.functional = functional;
            this.economic = economic;
            this.personnel = EconomicCode.of(economic).isPersonnel();
            this.label = unitCode(unit) + ":" + fund.code() + ":" + functional + ":" + economic;
        }

        /**
         * Made when the line gets its first row: a million-row year keeps only the books it uses.
         */
        AccountBook book() {
            if (book == null) {
                book =
                        new AccountBook(
                                new AccountKey(
                                        FiscalYear.of(settings.year()),
                                        UnitCode.of(unitCode(unit)),
                                        fund,
                                        FunctionalCode.of(functional),
                                        EconomicCode.of(economic)));
            }
            return book;
        }

        long budget() {
            return book().budget().fen();
        }

        long appropriated() {
            return book().appropriated().fen();
        }

        long available() {
            return book().available().fen();
        }
    }

    /** A row posted to an account, as far as choosing one to reverse needs it. */
    private record Posted(TransactionId id, TransactionKind kind) {}

    /**
     * What the books ask beyond one account: every year is open, and no id is taken yet, because
     * the generator numbers its rows itself (SY2020-0000001, …), so each is new by construction.
     * Nothing is remembered: a million fingerprints would only cost memory.
     */
    private static final LedgerRegistry NEW_IDS =
            new LedgerRegistry() {
                @Override
                public YearStatus yearStatus(UnitCode unit, FiscalYear year) {
                    return YearStatus.OPEN;
                }

                @Override
                public Optional<RecordedTransaction> transaction(
                        UnitCode unit, FiscalYear year, TransactionId id) {
                    return Optional.empty();
                }

                @Override
                public boolean hasOpeningTransactions(UnitCode unit, FiscalYear year) {
                    return false;
                }

                @Override
                public void record(RecordedTransaction transaction) {
                    // ids are unique by construction; see above
                }
            };

    /** Rows out, in the three journal syntaxes. */
    private final class Out {
        final Writer csv;
        final Writer ledger;
        final Writer hledger;
        final LocalDate start = LocalDate.of(settings.year(), 1, 1);
        final int days = start.lengthOfYear();
        final Map<TransactionKind, Integer> byKind = new LinkedHashMap<>();
        final Map<String, UnitSums> sums = new LinkedHashMap<>();
        final boolean[] unitNamed = new boolean[settings.units()];
        final boolean[][] projectNamed = new boolean[settings.units()][PROJECTS_PER_UNIT];
        final StringBuilder line = new StringBuilder(256);
        int rows;

        Out(Writer csv, Writer ledger, Writer hledger) {
            this.csv = csv;
            this.ledger = ledger;
            this.hledger = hledger;
        }

        /** Dates rise with the row number over the whole year, so file order is date order. */
        LocalDate date() {
            return start.plusDays((long) rows * days / settings.transactions());
        }

        String nextId() {
            return String.format("SY%d-%07d", settings.year(), rows + 1);
        }

        /** The next row's id, date, voucher and memo, exactly as the row will carry them. */
        Entry entry(TransactionKind kind) {
            return new Entry(
                    TransactionId.of(nextId()),
                    date(),
                    "记-" + (rows + 1),
                    kind == TransactionKind.REVERSAL ? "冲销" : "合成" + kind.chineseName());
        }

        /**
         * Asks the account's book whether the command stands; when it does, applies its events and
         * writes the row. {@code project} is the project's number within the unit, or −1.
         */
        boolean post(Account account, AccountCommand command, int project) throws IOException {
            List<AccountEvent> events;
            try {
                events = account.book().decide(command, NEW_IDS);
            } catch (RuleViolation refused) {
                return false;
            }
            if (events.size() != 1) {
                throw new IllegalStateException(
                        "a journal row is one event, the book answered " + events);
            }
            AccountEvent event = events.get(0);
            account.book().apply(event);
            row(account, event, project);
            return true;
        }

        private void row(Account account, AccountEvent event, int project) throws IOException {
            TransactionKind kind = event.kind();
            long fen = event.amount().fen();
            Spending spending =
                    event instanceof ExpenditureRecorded spent ? spent.spending() : null;
            String nature = spending == null ? null : spending.nature().code();
            TransactionReversed reversal = event instanceof TransactionReversed r ? r : null;
            String reverses = reversal == null ? null : reversal.reversed().value();
            LocalDate date = event.entry().date();
            String id = event.entry().transactionId().value();
            String unit = unitCode(account.unit);
            line.setLength(0);
            line.append(id)
                    .append(',')
                    .append(date)
                    .append(',')
                    .append(kind.code())
                    .append(',')
                    .append(unit)
                    .append(',');
            if (!unitNamed[account.unit]) {
                unitNamed[account.unit] = true;
                line.append(unitName(account.unit));
            }
            line.append(',');
            if (kind != TransactionKind.REVERSAL) {
                line.append(account.fund.code())
                        .append(',')
                        .append(account.functional)
                        .append(',')
                        .append(account.economic)
                        .append(',')
                        .append(nature == null ? "" : nature)
                        .append(',');
                if (project >= 0) {
                    line.append(projectCode(account.unit, project)).append(',');
                    if (!projectNamed[account.unit][project]) {
                        projectNamed[account.unit][project] = true;
                        line.append(projectName(account.unit, project));
                    }
                } else {
                    line.append(',');
                }
                line.append(',').append(yuan(fen));
            } else {
                line.append(",,,,,,");
            }
            line.append(',')
                    .append(event.entry().voucher())
                    .append(',')
                    .append(event.entry().memo());
            line.append(',').append(reverses == null ? "" : reverses).append(',');
            if (spending != null && spending.procurement() != null) {
                line.append(spending.procurement().code()).append(',').append(spending.sme());
            } else {
                line.append(',');
            }
            line.append('\n');
            csv.append(line);

            TransactionKind movement = reversal != null ? reversal.reversedKind() : kind;
            long signed = reversal != null ? -fen : fen;
            String movedNature =
                    reversal != null
                            ? (reversal.spending() == null
                                    ? null
                                    : reversal.spending().nature().code())
                            : nature;
            plainText(
                    ledger,
                    date.toString().replace('-', '/'),
                    id,
                    kind,
                    account,
                    movement,
                    signed,
                    movedNature);
            plainText(hledger, date.toString(), id, kind, account, movement, signed, movedNature);

            UnitSums unitSums = sums.computeIfAbsent(unit, u -> new UnitSums());
            switch (movement) {
                case BUDGET, SUPPLEMENT -> unitSums.budget += signed;
                case REDUCE -> unitSums.budget -= signed;
                case APPROPRIATION -> {
                    unitSums.appropriated += signed;
                    unitSums.appropriatedByFund[account.fund.ordinal()] += signed;
                }
                case OPENING -> unitSums.opening += signed;
                case EXPENDITURE -> unitSums.spent += signed;
                default ->
                        throw new IllegalStateException("the generator never writes " + movement);
            }
            byKind.merge(kind, 1, Integer::sum);
            account.transactions.add(new Posted(event.entry().transactionId(), kind));
            rows++;
        }

        /**
         * One balanced transaction in ledger-cli / hledger syntax (the same for both but the date):
         * the account's side and its counterpart, an amount in yuan with two decimals.
         */
        private void plainText(
                Writer out,
                String date,
                String id,
                TransactionKind kind,
                Account account,
                TransactionKind movement,
                long signed,
                String nature)
                throws IOException {
            String side;
            String counter;
            long amount = signed;
            switch (movement) {
                case BUDGET, SUPPLEMENT -> {
                    side = "Budget:" + account.label;
                    counter = "Authority:" + account.fund.code();
                }
                case REDUCE -> {
                    side = "Budget:" + account.label;
                    counter = "Authority:" + account.fund.code();
                    amount = -signed;
                }
                case APPROPRIATION -> {
                    side = "Funds:" + account.label;
                    counter = "Income:" + account.fund.code();
                }
                case OPENING -> {
                    side = "Funds:" + account.label;
                    counter = "Equity:Opening:" + account.fund.code();
                }
                case EXPENDITURE -> {
                    side = "Expenses:" + account.label + ":" + nature;
                    counter = "Funds:" + account.label;
                }
                default ->
                        throw new IllegalStateException("the generator never writes " + movement);
            }
            out.append(date)
                    .append(" (")
                    .append(id)
                    .append(") ")
                    .append(kind.code())
                    .append(' ')
                    .append(unitCode(account.unit))
                    .append('\n')
                    .append("    ")
                    .append(side)
                    .append("  ")
                    .append(yuan(amount))
                    .append('\n')
                    .append("    ")
                    .append(counter)
                    .append("  ")
                    .append(yuan(-amount))
                    .append("\n\n");
        }
    }

    /** Generates the year into the four writers (not closed here). */
    public Summary generate(Writer csv, Writer ledger, Writer hledger, Writer commands)
            throws IOException {
        csv.append(HEADER).append('\n');
        String comment =
                "; synthetic year "
                        + settings.year()
                        + ": "
                        + settings.transactions()
                        + " transactions, "
                        + settings.units()
                        + " units, seed "
                        + settings.seed()
                        + "; the same money movements as journal.csv, one transaction per row\n\n";
        ledger.append(comment);
        hledger.append(comment);

        List<Account> accounts = accounts();
        Out out = new Out(csv, ledger, hledger);
        Set<String> pairs = new HashSet<>();
        // Each account's first row opens it: a 年初预算 for 财政拨款 lines, else funds received or brought
        // in.
        for (Account account : accounts) {
            if (out.rows >= settings.transactions()) {
                break;
            }
            pairs.add(account.functional + "/" + account.economic);
            if (account.fund.isFiscalAppropriation()) {
                budget(out, account);
            } else if (random.nextDouble() < 0.3) {
                opening(out, account);
            } else {
                appropriation(out, account);
            }
        }
        while (out.rows < settings.transactions()) {
            Account account = accounts.get(random.nextInt(accounts.size()));
            double choice = random.nextDouble();
            boolean done;
            if (choice < 0.02) {
                done = supplement(out, account);
            } else if (choice < 0.035) {
                done = reduce(out, account);
            } else if (choice < 0.065) {
                done = reversal(out, account);
            } else if (choice < 0.07) {
                done = opening(out, account);
            } else if (choice < 0.32) {
                done = appropriation(out, account);
            } else {
                done = expenditure(out, account);
            }
            // An account that can take nothing else can always take more budget or more funds.
            if (!done && !expenditure(out, account) && !appropriation(out, account)) {
                supplement(out, account);
            }
        }
        int written = commands(accounts, commands);
        return new Summary(
                out.rows,
                written,
                Math.min(accounts.size(), out.rows),
                pairs.size(),
                out.byKind,
                out.sums);
    }

    /**
     * Every 项 × 款 pair once, spread over the units, then more lines until there is about one line
     * per 50 rows, each (unit, fund, 项, 款) at most once so each line gets one 年初预算.
     */
    private List<Account> accounts() {
        int units = settings.units();
        int pairs = catalogPairs();
        int target =
                Math.max(
                        Math.min(pairs, settings.transactions() / 2), settings.transactions() / 50);
        List<Account> accounts = new ArrayList<>(target);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < pairs && accounts.size() < target; i++) {
            Account account =
                    new Account(
                            i % units,
                            fund(),
                            functional.get(i / economic.size()),
                            economic.get(i % economic.size()));
            keys.add(account.label);
            accounts.add(account);
        }
        int attempts = 0;
        while (accounts.size() < target && attempts++ < target * 20) {
            Account account =
                    new Account(
                            random.nextInt(units),
                            fund(),
                            functional.get(random.nextInt(functional.size())),
                            economic.get(random.nextInt(economic.size())));
            if (keys.add(account.label)) {
                accounts.add(account);
            }
        }
        return accounts;
    }

    private FundSource fund() {
        double r = random.nextDouble();
        for (int i = 0; i < FUNDS.length; i++) {
            r -= FUND_WEIGHTS[i];
            if (r < 0) {
                return FUNDS[i];
            }
        }
        return FundSource.GENERAL;
    }

    /** 1万 to 1,000万 yuan. */
    private long largeAmount() {
        return 1_000_000L + random.nextLong(1_000_000_000L);
    }

    /** A share of {@code room} between {@code low} and {@code high}, at least one fen. */
    private long share(long room, double low, double high) {
        return Math.max(
                1, Math.min(room, (long) (room * (low + random.nextDouble() * (high - low)))));
    }

    private Money fen(long fen) {
        return Money.ofFen(fen);
    }

    private boolean budget(Out out, Account account) throws IOException {
        return out.post(
                account,
                new SetInitialBudget(
                        account.book().key(),
                        out.entry(TransactionKind.BUDGET),
                        fen(largeAmount())),
                -1);
    }

    private boolean supplement(Out out, Account account) throws IOException {
        long fen = 100_000L + random.nextLong(50_000_000L);
        return out.post(
                account,
                new SupplementBudget(
                        account.book().key(), out.entry(TransactionKind.SUPPLEMENT), fen(fen)),
                -1);
    }

    /**
     * A share of the budget not yet appropriated; the book refuses one that would undercut
     * appropriations.
     */
    private boolean reduce(Out out, Account account) throws IOException {
        long room =
                account.budget()
                        - (account.fund.isFiscalAppropriation() ? account.appropriated() : 0);
        if (room <= 0) {
            return false;
        }
        return out.post(
                account,
                new ReduceBudget(
                        account.book().key(),
                        out.entry(TransactionKind.REDUCE),
                        fen(share(room, 0.05, 0.3))),
                -1);
    }

    private boolean opening(Out out, Account account) throws IOException {
        return out.post(
                account,
                new RecordOpeningBalance(
                        account.book().key(),
                        out.entry(TransactionKind.OPENING),
                        fen(largeAmount() / 10)),
                -1);
    }

    /** 财政拨款 a share of the budget not yet appropriated, other sources a sum of their own. */
    private boolean appropriation(Out out, Account account) throws IOException {
        long fen;
        if (account.fund.isFiscalAppropriation()) {
            long room = account.budget() - account.appropriated();
            if (room <= 0) {
                return false;
            }
            fen = share(room, 0.05, 0.35);
        } else {
            fen = largeAmount() / 20;
        }
        return out.post(
                account,
                new AppropriateFunds(
                        account.book().key(), out.entry(TransactionKind.APPROPRIATION), fen(fen)),
                -1);
    }

    private boolean expenditure(Out out, Account account) throws IOException {
        long available = account.available();
        if (available <= 0) {
            return false;
        }
        long fen = share(available, 0.02, 0.25);
        ExpenditureNature nature = nature(account);
        int project = nature == ExpenditureNature.PROJECT ? random.nextInt(PROJECTS_PER_UNIT) : -1;
        ProcurementType procurement =
                nature != ExpenditureNature.PERSONNEL && random.nextDouble() < 0.08
                        ? PROCUREMENT[random.nextInt(PROCUREMENT.length)]
                        : null;
        Boolean sme = procurement == null ? null : random.nextBoolean();
        Spending spending =
                new Spending(
                        nature,
                        project < 0 ? null : ProjectCode.of(projectCode(account.unit, project)),
                        procurement,
                        sme);
        return out.post(
                account,
                new RecordExpenditure(
                        account.book().key(),
                        out.entry(TransactionKind.EXPENDITURE),
                        fen(fen),
                        spending),
                project);
    }

    /** 基本 by the economic code mostly, 项目 often, and for other sources the other natures too. */
    private ExpenditureNature nature(Account account) {
        double r = random.nextDouble();
        if (!account.fund.isFiscalAppropriation() && r < 0.1) {
            return OTHER_NATURES[random.nextInt(OTHER_NATURES.length)];
        }
        if (r < 0.4) {
            return ExpenditureNature.PROJECT;
        }
        return account.personnel ? ExpenditureNature.PERSONNEL : ExpenditureNature.PUBLIC;
    }

    /**
     * Undoes one of the account's transactions, when its book allows (not reversed yet, not itself
     * a reversal, the account can bear the undoing); tries a few. A 年初预算 is never picked: the
     * generator gives each line exactly one, and undoing it would leave the line without.
     */
    private boolean reversal(Out out, Account account) throws IOException {
        List<Posted> posted = account.transactions;
        for (int attempt = 0; attempt < 4 && !posted.isEmpty(); attempt++) {
            Posted original = posted.get(random.nextInt(posted.size()));
            if (original.kind() == TransactionKind.BUDGET) {
                continue;
            }
            if (out.post(
                    account,
                    new ReverseTransaction(
                            account.book().key(),
                            out.entry(TransactionKind.REVERSAL),
                            original.id()),
                    -1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Small expenditures, valid after the journal: each against a line with room for it, dated the
     * year's last day, ids of their own.
     */
    private int commands(List<Account> accounts, Writer out) throws IOException {
        out.append("id,date,kind,unit,fund,functional,economic,nature,project,amount\n");
        List<Account> roomy = new ArrayList<>();
        for (Account account : accounts) {
            if (account.book != null && account.available() >= 100_000L) {
                roomy.add(account);
            }
        }
        if (roomy.isEmpty() || settings.commands() == 0) {
            return 0;
        }
        LocalDate last = LocalDate.of(settings.year(), 12, 31);
        int written = 0;
        while (written < settings.commands() && !roomy.isEmpty()) {
            int index = random.nextInt(roomy.size());
            Account account = roomy.get(index);
            long fen = 1 + random.nextLong(10_000L);
            ExpenditureNature nature =
                    account.personnel ? ExpenditureNature.PERSONNEL : ExpenditureNature.PUBLIC;
            String id = String.format("SC%d-%07d", settings.year(), written + 1);
            List<AccountEvent> spent;
            try {
                spent =
                        account.book()
                                .decide(
                                        new RecordExpenditure(
                                                account.book().key(),
                                                new Entry(TransactionId.of(id), last, "", ""),
                                                fen(fen),
                                                Spending.of(nature)),
                                        NEW_IDS);
            } catch (RuleViolation refused) {
                // this line has no room left for it: take it out of the draw
                roomy.set(index, roomy.get(roomy.size() - 1));
                roomy.remove(roomy.size() - 1);
                continue;
            }
            spent.forEach(account.book()::apply);
            out.append(id)
                    .append(',')
                    .append(last.toString())
                    .append(",expenditure,")
                    .append(unitCode(account.unit))
                    .append(',')
                    .append(account.fund.code())
                    .append(',')
                    .append(account.functional)
                    .append(',')
                    .append(account.economic)
                    .append(',')
                    .append(nature.code())
                    .append(",,")
                    .append(yuan(fen))
                    .append('\n');
            written++;
        }
        return written;
    }

    static String unitCode(int unit) {
        return String.format("synth-u%05d", unit + 1);
    }

    static String unitName(int unit) {
        return String.format("合成预算单位%05d", unit + 1);
    }

    static String projectCode(int unit, int project) {
        return String.format("SP%05d-%02d", unit + 1, project + 1);
    }

    static String projectName(int unit, int project) {
        return String.format("合成项目%05d-%02d", unit + 1, project + 1);
    }

    /** Fen as yuan with two decimals, sign first. */
    static String yuan(long fen) {
        long abs = Math.abs(fen);
        return (fen < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
    }
}

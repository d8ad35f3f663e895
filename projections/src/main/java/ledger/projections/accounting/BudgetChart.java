package ledger.projections.accounting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;

/**
 * The 预算会计 chart: the 科目, in the order the 科目余额表 lists them, which 科目 each kind of money movement
 * is booked to, and the names of the 明细科目. All of it is read from {@code
 * accounting/budget-accounts.tsv}, so a region's chart differs by a file, not by code.
 */
public final class BudgetChart {

    static final String RESOURCE = "accounting/budget-accounts.tsv";
    private static final BudgetChart STANDARD = read(RESOURCE);

    private final List<ChartAccount> accounts;
    private final Map<String, ChartAccount> byCode = new HashMap<>();
    private final Map<FundSource, ChartAccount> income = new EnumMap<>(FundSource.class);
    private final Map<UnitKind, Map<ExpenditureNature, ChartAccount>> expenditure =
            new EnumMap<>(UnitKind.class);
    private final Map<String, String> details;
    private ChartAccount cash;
    private ChartAccount fiscalCarry;
    private ChartAccount nonFiscalCarry;

    private BudgetChart(List<ChartAccount> accounts, Map<String, String> details, String source) {
        this.accounts = List.copyOf(accounts);
        this.details = Map.copyOf(details);
        for (UnitKind kind : UnitKind.values()) {
            expenditure.put(kind, new EnumMap<>(ExpenditureNature.class));
        }
        for (ChartAccount account : accounts) {
            if (byCode.put(account.code(), account) != null) {
                throw new IllegalStateException(
                        source + ": 科目 " + account.code() + " is listed twice");
            }
            assign(account, source);
        }
        requireComplete(source);
    }

    /** The chart shipped with the ledger. */
    public static BudgetChart standard() {
        return STANDARD;
    }

    private void assign(ChartAccount account, String source) {
        String[] use = account.usedFor().split(":");
        switch (use[0]) {
            case "income" -> {
                for (String fund : use[1].split(",")) {
                    income.put(FundSource.parse(fund), account);
                }
            }
            case "expenditure" -> {
                for (UnitKind kind : UnitKind.values()) {
                    if (use[1].equals("*") || use[1].equals(kind.code())) {
                        for (String nature : use[2].split(",")) {
                            expenditure.get(kind).put(ExpenditureNature.parse(nature), account);
                        }
                    }
                }
            }
            case "cash" -> cash = account;
            case "carry" -> {
                if (use[1].equals("fiscal")) {
                    fiscalCarry = account;
                } else {
                    nonFiscalCarry = account;
                }
            }
            case "-" -> {
                // listed, booked by no entry
            }
            default ->
                    throw new IllegalStateException(
                            source
                                    + ": 科目 "
                                    + account.code()
                                    + " has an unknown use '"
                                    + account.usedFor()
                                    + "'");
        }
    }

    private void requireComplete(String source) {
        for (FundSource fund : FundSource.values()) {
            if (!income.containsKey(fund)) {
                throw new IllegalStateException(source + ": no 预算收入 科目 for fund " + fund.code());
            }
        }
        for (UnitKind kind : UnitKind.values()) {
            for (ExpenditureNature nature : ExpenditureNature.values()) {
                if (!expenditure.get(kind).containsKey(nature)) {
                    throw new IllegalStateException(
                            source + ": no 支出 科目 for " + kind.code() + " " + nature.code());
                }
            }
        }
        if (cash == null || fiscalCarry == null || nonFiscalCarry == null) {
            throw new IllegalStateException(
                    source + ": cash, carry:fiscal and carry:non-fiscal 科目 are required");
        }
        for (String key :
                List.of(
                        "fiscal-spending",
                        "special-spending",
                        "other-spending",
                        "personnel",
                        "public",
                        "project",
                        "year-result",
                        "accumulated",
                        "fiscal-cash",
                        "other-cash")) {
            if (!details.containsKey(key)) {
                throw new IllegalStateException(source + ": detail '" + key + "' is missing");
            }
        }
    }

    /** Every 科目 in the order of the file. */
    public List<ChartAccount> accounts() {
        return accounts;
    }

    public Optional<ChartAccount> account(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The 预算收入 of an appropriation on this fund. */
    public ChartAccount incomeAccount(FundSource fund) {
        return income.get(fund);
    }

    /** The 支出 科目 of an expenditure of this nature for a unit of this kind. */
    public ChartAccount expenditureAccount(UnitKind kind, ExpenditureNature nature) {
        return expenditure.get(kind).get(nature);
    }

    /** 资金结存 */
    public ChartAccount cashAccount() {
        return cash;
    }

    /** 财政拨款结转 for a 财政拨款 fund, 非财政拨款结转 for the others. */
    public ChartAccount carryAccount(FundSource fund) {
        return fund.isFiscalAppropriation() ? fiscalCarry : nonFiscalCarry;
    }

    /** The name of a 明细科目 by its key in the file. */
    public String detail(String key) {
        String name = details.get(key);
        if (name == null) {
            throw new IllegalArgumentException("no detail '" + key + "' in the chart");
        }
        return name;
    }

    static BudgetChart read(String resource) {
        InputStream in = BudgetChart.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("预算会计 chart missing from classpath: " + resource);
        }
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BudgetChart parse(BufferedReader reader, String source) throws IOException {
        List<ChartAccount> accounts = new ArrayList<>();
        Map<String, String> details = new LinkedHashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f[0].equals("account") && f.length == 7) {
                accounts.add(
                        new ChartAccount(
                                f[1],
                                f[2],
                                f[3].equals("借") ? Side.DEBIT : Side.CREDIT,
                                f[4],
                                f[5],
                                f[6].contains("functional"),
                                f[6].contains("economic")));
            } else if (f[0].equals("detail") && f.length == 3) {
                details.put(f[1], f[2]);
            } else {
                throw new IllegalStateException(
                        source
                                + " line "
                                + number
                                + ": expected an account line of 7"
                                + " fields or a detail line of 3, got: "
                                + line);
            }
        }
        return new BudgetChart(accounts, details, source);
    }
}

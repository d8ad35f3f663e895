package ledger.core.account;

import ledger.core.classification.EconomicCode;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.core.text.FieldName;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/**
 * One budget line: (fiscal year, unit, fund source, functional 项, economic 款). Every money movement
 * names its account; the account is also the aggregate's identity.
 */
public record AccountKey(
        FiscalYear year,
        UnitCode unit,
        FundSource fund,
        FunctionalCode functional,
        EconomicCode economic) {

    public AccountKey {
        require(year, "year");
        require(unit, "unit");
        require(fund, "fund");
        require(functional, "functional");
        require(economic, "economic");
        if (!functional.isXiang()) {
            throw new Refusal(Reason.of("posting.xiang", functional.level().chinese(), functional));
        }
        if (!economic.isKuan()) {
            throw new Refusal(Reason.of("posting.kuan", economic.level().chinese(), economic));
        }
    }

    /**
     * Readable identity used as the aggregate identifier: {@code 2020/unit/general/2010301/30101}.
     */
    public String id() {
        return year + "/" + unit + "/" + fund.code() + "/" + functional + "/" + economic;
    }

    /**
     * The start every {@link #id} of the year's accounts (of the unit's, when given) shares: {@code
     * 2020/} or {@code 2020/unit/}.
     */
    public static String idPrefix(FiscalYear year, UnitCode unitOrNull) {
        return year + "/" + (unitOrNull == null ? "" : unitOrNull + "/");
    }

    public static AccountKey parse(String id) {
        String[] parts = id.split("/", -1);
        if (parts.length != 5) {
            throw new Refusal(Reason.of("account.id", Text.abbreviate(id)));
        }
        return new AccountKey(
                FiscalYear.of(Integer.parseInt(parts[0])),
                UnitCode.of(parts[1]),
                FundSource.parse(parts[2]),
                FunctionalCode.of(parts[3]),
                EconomicCode.of(parts[4]));
    }

    /** The same budget line in the next fiscal year, where a closing balance is carried. */
    public AccountKey nextYear() {
        return new AccountKey(year.next(), unit, fund, functional, economic);
    }

    /** Axon takes the aggregate identifier of a command from this. */
    @Override
    public String toString() {
        return id();
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new Refusal(Reason.of("field.required", FieldName.of(field)));
        }
    }
}

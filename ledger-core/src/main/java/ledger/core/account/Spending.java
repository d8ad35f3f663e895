package ledger.core.account;

import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.classification.ProcurementType;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;

/**
 * What an expenditure is, beyond its account: its nature (基本/项目/…), the project of a 项目支出, and its
 * 政府采购 type and whether a small or medium enterprise won it.
 *
 * @param project required for {@link ExpenditureNature#PROJECT}, absent otherwise
 * @param procurement null when the expenditure was not a government purchase
 * @param sme null unless {@code procurement} is given
 */
public record Spending(
        ExpenditureNature nature, ProjectCode project, ProcurementType procurement, Boolean sme) {

    public Spending {
        if (nature == null) {
            throw new Refusal(Reason.of("spending.natureMissing"));
        }
        if (nature == ExpenditureNature.PROJECT && project == null) {
            throw new Refusal(Reason.of("spending.projectMissing"));
        }
        if (nature != ExpenditureNature.PROJECT && project != null) {
            throw new Refusal(
                    Reason.of("spending.projectNotProject", project, nature, nature.code()));
        }
        if (sme != null && procurement == null) {
            throw new Refusal(Reason.of("spending.smeWithoutProcurement"));
        }
    }

    public static Spending of(ExpenditureNature nature) {
        return new Spending(nature, null, null, null);
    }

    public static Spending project(ProjectCode project) {
        return new Spending(ExpenditureNature.PROJECT, project, null, null);
    }

    /**
     * The two consistency rules that keep the tables well defined: nature agrees with the economic
     * code, and 财政拨款 spending is 基本 or 项目 only.
     *
     * @return the reason the combination is refused, or null when it is allowed
     */
    public String inconsistencyWith(FundSource fund, EconomicCode economic) {
        Reason reason = inconsistencyReason(fund, economic);
        return reason == null ? null : reason.chinese();
    }

    /** As {@link #inconsistencyWith}, as a code and arguments (Chinese or English when shown). */
    public Reason inconsistencyReason(FundSource fund, EconomicCode economic) {
        if (nature == ExpenditureNature.PERSONNEL && !economic.isPersonnel()) {
            return Reason.of("nature.personnelEconomic", nature, nature.code(), economic);
        }
        if (nature == ExpenditureNature.PUBLIC && economic.isPersonnel()) {
            return Reason.of("nature.publicEconomic", nature, nature.code(), economic);
        }
        if (fund.isFiscalAppropriation() && !nature.allowedForFiscalAppropriation()) {
            return Reason.of("nature.fiscalFund", fund, fund.code(), nature, nature.code());
        }
        return null;
    }
}

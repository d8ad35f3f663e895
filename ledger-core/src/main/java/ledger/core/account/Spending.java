package ledger.core.account;

import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.classification.ProcurementType;

/**
 * What an expenditure is, beyond its account: its nature (基本/项目/…), the project of a 项目支出,
 * and its 政府采购 type and whether a small or medium enterprise won it.
 *
 * @param project     required for {@link ExpenditureNature#PROJECT}, absent otherwise
 * @param procurement null when the expenditure was not a government purchase
 * @param sme         null unless {@code procurement} is given
 */
public record Spending(ExpenditureNature nature, ProjectCode project, ProcurementType procurement, Boolean sme) {

    public Spending {
        if (nature == null) {
            throw new IllegalArgumentException("nature is missing (an expenditure needs one)");
        }
        if (nature == ExpenditureNature.PROJECT && project == null) {
            throw new IllegalArgumentException("project is missing: a 项目支出 must name its project");
        }
        if (nature != ExpenditureNature.PROJECT && project != null) {
            throw new IllegalArgumentException("project " + project + " given for a " + nature.code()
                    + " expenditure; only nature project names a project");
        }
        if (sme != null && procurement == null) {
            throw new IllegalArgumentException("sme is given but procurement is empty: only a government"
                    + " purchase has a supplier to classify");
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
        if (nature == ExpenditureNature.PERSONNEL && !economic.isPersonnel()) {
            return "nature personnel (人员经费) takes economic 类 301 or 303, not " + economic;
        }
        if (nature == ExpenditureNature.PUBLIC && economic.isPersonnel()) {
            return "nature public (公用经费) cannot take economic 类 301 or 303 (" + economic
                    + " is 人员经费)";
        }
        if (fund.isFiscalAppropriation() && !nature.allowedForFiscalAppropriation()) {
            return "fund " + fund.code() + " (财政拨款) spends only as personnel, public or project, not "
                    + nature.code();
        }
        return null;
    }
}

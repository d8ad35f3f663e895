package ledger.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FundSource;
import ledger.core.classification.ProcurementType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpendingTest {

    private static final ProjectCode PROJECT = ProjectCode.of("JH2020-P04");
    private static final EconomicCode WAGES = EconomicCode.of("30101");
    private static final EconomicCode RETIREMENT = EconomicCode.of("30302");
    private static final EconomicCode OFFICE = EconomicCode.of("30201");

    @Test
    void projectSpendingNamesItsProject() {
        // Goal: a 项目支出 carries the project it is for.
        Spending spending = Spending.project(PROJECT);
        assertThat(spending.nature()).isEqualTo(ExpenditureNature.PROJECT);
        assertThat(spending.project()).isEqualTo(PROJECT);
    }

    @Test
    void projectSpendingWithoutAProjectIsRefused() {
        // Goal: 项目支出 without a project could not be reported per project.
        assertThatThrownBy(() -> Spending.of(ExpenditureNature.PROJECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("项目支出必须填写项目");
    }

    @ParameterizedTest
    @EnumSource(value = ExpenditureNature.class, names = "PROJECT", mode = EnumSource.Mode.EXCLUDE)
    void aProjectOnAnyOtherNatureIsRefused(ExpenditureNature nature) {
        // Goal: only 项目支出 names a project; a project on basic spending is a classification slip.
        assertThatThrownBy(() -> new Spending(nature, PROJECT, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "填写了项目 JH2020-P04，但支出性质是「"
                                + nature.chineseName()
                                + "」（"
                                + nature.code()
                                + "）");
    }

    @Test
    void aMissingNatureIsRefused() {
        // Goal: every expenditure has a nature.
        assertThatThrownBy(() -> new Spending(null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("支出必须填写支出性质");
    }

    @Test
    void smeIsOnlyGivenForAGovernmentPurchase() {
        // Goal: a 中小企业 flag without 政府采购 has no supplier to classify.
        assertThat(new Spending(ExpenditureNature.PUBLIC, null, ProcurementType.GOODS, true).sme())
                .isTrue();
        assertThat(
                        new Spending(ExpenditureNature.PUBLIC, null, ProcurementType.SERVICES, null)
                                .sme())
                .isNull();
        assertThatThrownBy(() -> new Spending(ExpenditureNature.PUBLIC, null, null, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("填写了中小企业，但采购类型为空");
    }

    @Test
    void personnelSpendingTakesEconomicLei301Or303() {
        // Goal: 人员经费 is spent on 工资福利 or 对个人和家庭的补助 only.
        Spending personnel = Spending.of(ExpenditureNature.PERSONNEL);
        assertThat(personnel.inconsistencyWith(FundSource.GENERAL, WAGES)).isNull();
        assertThat(personnel.inconsistencyWith(FundSource.GENERAL, RETIREMENT)).isNull();
        assertThat(personnel.inconsistencyWith(FundSource.GENERAL, OFFICE))
                .contains("personnel")
                .contains("30201");
    }

    @Test
    void publicSpendingRefusesEconomicLei301And303() {
        // Goal: 公用经费 is everything but 人员经费.
        Spending publicSpending = Spending.of(ExpenditureNature.PUBLIC);
        assertThat(publicSpending.inconsistencyWith(FundSource.GENERAL, OFFICE)).isNull();
        assertThat(publicSpending.inconsistencyWith(FundSource.GENERAL, EconomicCode.of("31002")))
                .isNull();
        assertThat(publicSpending.inconsistencyWith(FundSource.GENERAL, WAGES))
                .contains("public")
                .contains("30101");
        assertThat(publicSpending.inconsistencyWith(FundSource.GENERAL, RETIREMENT))
                .contains("30302");
    }

    @Test
    void projectSpendingTakesAnyEconomicCode() {
        // Goal: a project may pay wages (聘用人员) as well as services.
        Spending project = Spending.project(PROJECT);
        assertThat(project.inconsistencyWith(FundSource.GENERAL, WAGES)).isNull();
        assertThat(project.inconsistencyWith(FundSource.GENERAL, OFFICE)).isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = FundSource.class,
            names = {"GENERAL", "GOV_FUND", "SOE_CAPITAL"})
    void fiscalFundsRefuseRemitBusinessOperationAndSubsidy(FundSource fund) {
        // Goal: 表4/表5/表8/表9 have only 基本 and 项目 columns, so 财政拨款 spends only those.
        for (ExpenditureNature nature :
                new ExpenditureNature[] {
                    ExpenditureNature.REMIT,
                    ExpenditureNature.BUSINESS_OP,
                    ExpenditureNature.SUBSIDY
                }) {
            assertThat(Spending.of(nature).inconsistencyWith(fund, OFFICE))
                    .as(nature.code())
                    .contains("（" + fund.code() + "，财政拨款）")
                    .contains("（" + nature.code() + "）");
        }
        assertThat(Spending.of(ExpenditureNature.PUBLIC).inconsistencyWith(fund, OFFICE)).isNull();
        assertThat(Spending.project(PROJECT).inconsistencyWith(fund, OFFICE)).isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = FundSource.class,
            names = {"SUPERIOR", "BUSINESS", "OPERATING", "AFFILIATED", "OTHER"})
    void otherFundsMaySpendOnEveryNature(FundSource fund) {
        // Goal: 上缴上级, 经营 and 对附属单位补助 are open to non-fiscal funds, on any economic code.
        assertThat(Spending.of(ExpenditureNature.REMIT).inconsistencyWith(fund, OFFICE)).isNull();
        assertThat(Spending.of(ExpenditureNature.BUSINESS_OP).inconsistencyWith(fund, WAGES))
                .isNull();
        assertThat(Spending.of(ExpenditureNature.SUBSIDY).inconsistencyWith(fund, OFFICE)).isNull();
    }
}

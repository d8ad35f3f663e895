package ledger.core.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ledger.core.account.TransactionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CodedValueTest {

    @ParameterizedTest
    @EnumSource(FundSource.class)
    void everyFundSourceIsReadFromItsEnglishWordAndItsChineseName(FundSource fund) {
        // Goal: finance staff may write either spelling; both are the same value.
        assertThat(FundSource.parse(fund.code())).isSameAs(fund);
        assertThat(FundSource.parse(fund.chineseName())).isSameAs(fund);
        assertThat(FundSource.parse(" " + fund.code() + " ")).isSameAs(fund);
    }

    @Test
    void theFundSourcesAreTheEightIncomeLinesOfTable1InOrder() {
        // Goal: the enum order is 表1's order, and only the first three are 财政拨款.
        assertThat(FundSource.values())
                .extracting(FundSource::code)
                .containsExactly(
                        "general",
                        "gov-fund",
                        "soe-capital",
                        "superior",
                        "business",
                        "operating",
                        "affiliated",
                        "other");
        assertThat(FundSource.parse("一般公共预算财政拨款")).isEqualTo(FundSource.GENERAL);
        assertThat(FundSource.parse("其他收入")).isEqualTo(FundSource.OTHER);
        assertThat(FundSource.values())
                .filteredOn(FundSource::isFiscalAppropriation)
                .containsExactly(FundSource.GENERAL, FundSource.GOV_FUND, FundSource.SOE_CAPITAL);
    }

    @Test
    void anUnknownFundSourceIsRefusedListingTheAcceptedWords() {
        // Goal: the message tells the clerk which words would have been accepted.
        assertThatThrownBy(() -> FundSource.parse("budget"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("未知的资金来源「budget」")
                .hasMessageContaining(
                        "一般公共预算财政拨款（general）、政府性基金预算财政拨款（gov-fund）、"
                                + "国有资本经营预算财政拨款（soe-capital）、上级补助收入（superior）、事业收入（business）、"
                                + "经营收入（operating）、附属单位上缴收入（affiliated）、其他收入（other）");
    }

    @ParameterizedTest
    @EnumSource(ExpenditureNature.class)
    void everyNatureIsReadFromItsEnglishWordAndItsChineseName(ExpenditureNature nature) {
        // Goal: both spellings of a nature are the same value.
        assertThat(ExpenditureNature.parse(nature.code())).isSameAs(nature);
        assertThat(ExpenditureNature.parse(nature.chineseName())).isSameAs(nature);
    }

    @Test
    void theNaturesAreTheColumnsOfTable3() {
        // Goal: the Chinese names match the journal rules, and only 基本/项目 are open to 财政拨款.
        assertThat(ExpenditureNature.parse("基本支出-人员经费")).isEqualTo(ExpenditureNature.PERSONNEL);
        assertThat(ExpenditureNature.parse("项目支出")).isEqualTo(ExpenditureNature.PROJECT);
        assertThat(ExpenditureNature.parse("对附属单位补助支出")).isEqualTo(ExpenditureNature.SUBSIDY);
        assertThat(ExpenditureNature.values())
                .filteredOn(ExpenditureNature::allowedForFiscalAppropriation)
                .containsExactly(
                        ExpenditureNature.PERSONNEL,
                        ExpenditureNature.PUBLIC,
                        ExpenditureNature.PROJECT);
        assertThat(ExpenditureNature.values())
                .filteredOn(ExpenditureNature::isBasic)
                .containsExactly(ExpenditureNature.PERSONNEL, ExpenditureNature.PUBLIC);
    }

    @Test
    void anUnknownNatureIsRefusedListingTheAcceptedWords() {
        // Goal: an unknown word names itself and the accepted ones.
        assertThatThrownBy(() -> ExpenditureNature.parse("基本支出"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("未知的支出性质「基本支出」")
                .hasMessageContaining("基本支出-人员经费（personnel）、基本支出-公用经费（public）、项目支出（project）");
    }

    @ParameterizedTest
    @EnumSource(TransactionKind.class)
    void everyKindIsReadFromItsEnglishWordAndItsChineseName(TransactionKind kind) {
        // Goal: both spellings of a kind are the same value.
        assertThat(TransactionKind.parse(kind.code())).isSameAs(kind);
        assertThat(TransactionKind.parse(kind.chineseName())).isSameAs(kind);
    }

    @Test
    void theJournalKindsAreReadInBothLanguagesButCarryOverKindsAreNot() {
        // Goal: carry-over is produced by closing a year; a journal row cannot claim it.
        assertThat(TransactionKind.parseJournalKind("拨款")).isEqualTo(TransactionKind.APPROPRIATION);
        assertThat(TransactionKind.parseJournalKind("reversal"))
                .isEqualTo(TransactionKind.REVERSAL);
        assertThat(TransactionKind.parseJournalKind("年初结转和结余")).isEqualTo(TransactionKind.OPENING);
        assertThatThrownBy(() -> TransactionKind.parseJournalKind("carry-in"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("由年度结转（ledger close）产生，不能直接记录");
        assertThatThrownBy(() -> TransactionKind.parseJournalKind("年末结转"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("由年度结转（ledger close）产生，不能直接记录");
    }

    @Test
    void anUnknownKindIsRefusedListingTheAcceptedWords() {
        // Goal: an unknown kind names itself and the accepted ones.
        assertThatThrownBy(() -> TransactionKind.parse("grant"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("未知的类型「grant」")
                .hasMessageContaining(
                        "年初预算（budget）、追加预算（supplement）、调减预算（reduce）、拨款（appropriation）、"
                                + "支出（expenditure）、年初结转和结余（opening）、冲销（reversal）、单位间划转（transfer）");
    }

    @Test
    void procurementTypesAreReadInBothLanguages() {
        // Goal: 货物/服务/工程 are the same values as goods/services/works.
        assertThat(ProcurementType.parse("货物")).isEqualTo(ProcurementType.GOODS);
        assertThat(ProcurementType.parse("services")).isEqualTo(ProcurementType.SERVICES);
        assertThat(ProcurementType.parse("工程")).isEqualTo(ProcurementType.WORKS);
        assertThatThrownBy(() -> ProcurementType.parse("software"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("货物（goods）、服务（services）、工程（works）");
    }

    @Test
    void aMissingValueIsRefusedAsMissing() {
        // Goal: a blank cell is reported as missing, naming what is missing.
        assertThatThrownBy(() -> FundSource.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("资金来源为必填项");
        assertThatThrownBy(() -> ExpenditureNature.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("支出性质为必填项");
    }

    @Test
    void englishWordsAreMatchedExactly() {
        // Goal: matching is exact, so "General" is not silently taken for "general".
        assertThatThrownBy(() -> FundSource.parse("General"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("未知的资金来源「General」");
    }
}

package ledger.projections.statement;

import java.util.List;
import java.util.Set;
import ledger.core.account.TransactionKind;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;

/**
 * One part of what a template cell sums: the postings of one kind (from the template's {@code
 * measure}), narrowed by fund sources, natures, economic codes and a functional 类, counted with a
 * sign. {@code null} for a filter means "any".
 *
 * <p>The measures: {@code budget} 年初预算, {@code appropriation} 拨款, {@code expenditure} 支出, {@code
 * opening} 年初结转和结余 (an opening row or a carried-in balance), and {@code closing} 年末结转和结余, which the
 * template reader expands to opening + appropriation − expenditure.
 */
record TemplateTerm(
        TransactionKind kind,
        int sign,
        Set<FundSource> funds,
        Set<ExpenditureNature> natures,
        List<String> economicPrefixes,
        String lei) {

    /** How much (−1, 0, +1) a posting with these keys counts in this term. */
    int signFor(
            FundSource fund,
            FunctionalCode functional,
            EconomicCode economic,
            TransactionKind postingKind,
            ExpenditureNature nature) {
        if (postingKind != kind
                && !(kind == TransactionKind.OPENING && postingKind == TransactionKind.CARRY_IN)) {
            return 0;
        }
        if (funds != null && !funds.contains(fund)) {
            return 0;
        }
        if (natures != null && (nature == null || !natures.contains(nature))) {
            return 0;
        }
        if (economicPrefixes != null && !startsWithAny(economic.code(), economicPrefixes)) {
            return 0;
        }
        // The 类 is the code's first three digits: compared in place, without making the 类 code.
        if (lei != null && !(lei.length() == 3 && functional.code().startsWith(lei))) {
            return 0;
        }
        return sign;
    }

    /** The same term also narrowed to these funds ({@code null}: no narrowing). */
    private static boolean startsWithAny(String code, Iterable<String> prefixes) {
        for (String prefix : prefixes) {
            if (code.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    TemplateTerm withinFunds(Set<FundSource> more) {
        if (more == null) {
            return this;
        }
        if (funds == null) {
            return new TemplateTerm(kind, sign, more, natures, economicPrefixes, lei);
        }
        Set<FundSource> both = new java.util.HashSet<>(funds);
        both.retainAll(more);
        return new TemplateTerm(kind, sign, Set.copyOf(both), natures, economicPrefixes, lei);
    }

    /** The same term restricted to one functional 类 (a 类 line of 表1/表4). */
    TemplateTerm withinLei(String code) {
        return new TemplateTerm(kind, sign, funds, natures, economicPrefixes, code);
    }
}

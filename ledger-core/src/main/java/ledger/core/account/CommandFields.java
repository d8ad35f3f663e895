package ledger.core.account;

import ledger.core.classification.ExpenditureNature;
import ledger.core.money.Money;

/**
 * What a journal row (or an API request, which is read as one) says, once read: the account, the
 * entry and the amount every posting kind has, and the columns only some kinds take. A {@link
 * TransactionKind} makes its command from these, so the reader needs no case per kind.
 *
 * @param indicator the 指标文号 of a 年初预算, or null
 * @param spending what an expenditure spent, or null
 * @param transferNature subsidy or remit, for a transfer between units, or null
 * @param toUnit the unit a transfer goes to, or null
 */
public record CommandFields(
        AccountKey account,
        Entry entry,
        Money amount,
        String indicator,
        Spending spending,
        ExpenditureNature transferNature,
        UnitCode toUnit) {}

package ledger.core.journal;

import ledger.core.account.AccountCommand;
import ledger.core.account.Entry;
import ledger.core.account.ProjectCode;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;

/**
 * One well-formed journal row. Every kind but a reversal is already a command on its account; a
 * reversal only knows the transaction it reverses until the ledger finds that transaction's
 * account.
 *
 * @param command null for a reversal
 * @param reverses set for a reversal only
 * @param unitName the unit's name when the row gives one
 * @param project the project of a 项目支出, else null
 * @param projectName the project's name when the row gives one
 * @param counterpart a transfer's receiver leg (posted with {@code command}, the payer's leg, or
 *     not at all); null for every other kind
 */
public record JournalRow(
        int line,
        TransactionKind kind,
        UnitCode unit,
        Entry entry,
        AccountCommand command,
        TransactionId reverses,
        String unitName,
        ProjectCode project,
        String projectName,
        AccountCommand counterpart) {

    /** A row of one leg: every kind but a transfer. */
    public JournalRow(
            int line,
            TransactionKind kind,
            UnitCode unit,
            Entry entry,
            AccountCommand command,
            TransactionId reverses,
            String unitName,
            ProjectCode project,
            String projectName) {
        this(line, kind, unit, entry, command, reverses, unitName, project, projectName, null);
    }
}

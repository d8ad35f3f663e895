package ledger.api.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import ledger.core.account.AccountKey;
import ledger.core.account.UnitCode;
import ledger.core.journal.JournalPosting;
import ledger.core.journal.JournalRow;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;
import ledger.journal.JournalParse;
import ledger.journal.JournalReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The well-formed rows of one import and what posting them needs to know first: the unit-years and
 * transaction ids they use (locked and loaded before deciding), their units and the accounts they
 * touch. Either held in a list (an upload, a workbook) or, for a journal file on disk, read again
 * as they are posted: a million-row journal then never sits in the heap, only what it is about.
 */
abstract class ImportRows {

    private static final Logger log = LoggerFactory.getLogger(ImportRows.class);

    private Map<PostingSession.UnitYear, Set<String>> idsUsed = new HashMap<>();
    private final Set<UnitCode> units = new LinkedHashSet<>();
    private final Set<UnitCode> unitsWithCounterparts = new LinkedHashSet<>();
    private final Set<AccountKey> commandAccounts = new LinkedHashSet<>();
    private final List<JournalRow> reversals = new ArrayList<>();
    private int size;

    /** Takes note of a row: its ids, units and accounts. */
    final void note(JournalRow row) {
        size++;
        units.add(row.unit());
        unitsWithCounterparts.add(row.unit());
        noteIds(row);
        if (row.counterpart() != null) {
            unitsWithCounterparts.add(row.counterpart().account().unit());
        }
        if (row.command() != null) {
            commandAccounts.add(row.command().account());
            if (row.counterpart() != null) {
                commandAccounts.add(row.counterpart().account());
            }
        } else {
            // Where a reversal posts is known once the ledger's ids are loaded.
            reversals.add(row);
        }
    }

    private void noteIds(JournalRow row) {
        Set<String> wanted =
                idsUsed.computeIfAbsent(
                        new PostingSession.UnitYear(row.unit(), row.entry().year()),
                        k -> new HashSet<>());
        wanted.add(row.entry().transactionId().value());
        if (row.reverses() != null) {
            wanted.add(row.reverses().value());
        }
        if (row.counterpart() != null) {
            // A transfer also takes its id in the receiving unit's year, which it posts to.
            idsUsed.computeIfAbsent(
                            new PostingSession.UnitYear(
                                    row.counterpart().account().unit(), row.entry().year()),
                            k -> new HashSet<>())
                    .add(row.entry().transactionId().value());
        }
    }

    int size() {
        return size;
    }

    /**
     * Every unit-year the rows post to, with the transaction ids they use there; noted again from
     * the rows after {@link #forgetIds}.
     */
    Map<PostingSession.UnitYear, Set<String>> idsUsed() {
        if (idsUsed == null) {
            idsUsed = new HashMap<>();
            forEach(this::noteIds);
        }
        return idsUsed;
    }

    /**
     * Lets the ids go once the ledger's are loaded: a million of them take about 100 MB the posting
     * needs for itself.
     */
    void forgetIds() {
        idsUsed = null;
    }

    Set<UnitCode> units() {
        return units;
    }

    /** The units of the rows and the receiving units of their transfers: all must be permitted. */
    Set<UnitCode> unitsWithCounterparts() {
        return unitsWithCounterparts;
    }

    /** Every account the rows touch, reversals resolved through the posting's register. */
    Set<AccountKey> accountsTouched(JournalPosting posting) {
        Set<AccountKey> accounts = new LinkedHashSet<>(commandAccounts);
        accounts.addAll(posting.accountsTouched(reversals));
        return accounts;
    }

    /** Hands every row to {@code each}, in file order. */
    abstract void forEach(Consumer<JournalRow> each);

    /** Rows held in memory. */
    static ImportRows of(List<JournalRow> rows) {
        ImportRows held =
                new ImportRows() {
                    @Override
                    void forEach(Consumer<JournalRow> each) {
                        rows.forEach(each);
                    }
                };
        rows.forEach(held::note);
        return held;
    }

    /**
     * A journal file read once to check it and take note of its rows; its rows are read again for
     * each posting attempt. Check {@link FromFile#parse()} before posting.
     */
    static FromFile of(
            JournalReader reader, Path file, JournalReader.Options options, ImportProgress progress)
            throws IOException {
        return new FromFile(reader, file, options, progress);
    }

    /** The rows of a journal file on disk, read again as they are posted. */
    static final class FromFile extends ImportRows {

        private final JournalReader reader;
        private final Path file;
        private final JournalReader.Options options;
        private final JournalParse parse;
        private final long bytes;
        private final FileTime modified;

        /** Reads the file once, telling {@code progress} the bytes read of a CSV file. */
        private FromFile(
                JournalReader reader,
                Path file,
                JournalReader.Options options,
                ImportProgress progress)
                throws IOException {
            this.reader = reader;
            this.file = file;
            this.options = options;
            this.bytes = Files.size(file);
            this.modified = Files.getLastModifiedTime(file);
            if (progress == ImportProgress.NONE || JournalReader.isWorkbook(file)) {
                this.parse = reader.read(file, options, this::note);
            } else {
                try (java.io.InputStream in =
                        progress.counting(Files.newInputStream(file), bytes)) {
                    this.parse = reader.read(in, options, this::note);
                }
            }
        }

        /** The first reading's problems and what the file was read as; it lists no rows. */
        JournalParse parse() {
            return parse;
        }

        @Override
        void forEach(Consumer<JournalRow> each) {
            try {
                int[] count = {0};
                JournalParse again =
                        reader.read(
                                file,
                                options,
                                row -> {
                                    count[0]++;
                                    each.accept(row);
                                });
                // The file was checked as it was when first read: one changed since (saved again
                // from Excel while importing) would post rows nobody checked. The transaction
                // rolls back.
                if (!again.ok()
                        || count[0] != size()
                        || Files.size(file) != bytes
                        || !Files.getLastModifiedTime(file).equals(modified)) {
                    log.warn(
                            "journal {} read again: {} rows (first reading {}), {} bytes ({}),"
                                    + " modified {} ({}), problems {}",
                            file,
                            count[0],
                            size(),
                            Files.size(file),
                            bytes,
                            Files.getLastModifiedTime(file),
                            modified,
                            again.problems().stream().limit(3).toList());
                    throw new Refusal(
                            Reason.of("journal.changedWhileImported", file.getFileName()));
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }
}

package ledger.api.store;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import ledger.core.account.FiscalYear;
import ledger.core.account.LedgerRegistry;
import ledger.core.account.ProjectCode;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.account.YearStatus;
import ledger.core.classification.ClassificationCatalog;
import ledger.core.department.DepartmentUnit;
import ledger.core.department.UnitRegistry;
import ledger.core.journal.JournalPosting.UnitProject;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The ledger's write-side registers in the database: year status, client transaction ids, unit and
 * project names. Every call runs inside the caller's transaction, so a register row and the events
 * it stands for commit or roll back together.
 */
@Component
public class JdbcLedgerRegistry implements LedgerRegistry {

    private static final int CHUNK = 10_000;

    /** From this many ids a COPY beats batched INSERTs (see EventStoreAccess.COPY_FROM). */
    static final int COPY_FROM = EventStoreAccess.COPY_FROM;

    private static final RowMapper<RecordedTransaction> TRANSACTION =
            (rs, n) ->
                    new RecordedTransaction(
                            UnitCode.of(rs.getString("unit")),
                            FiscalYear.of(rs.getInt("fiscal_year")),
                            TransactionId.of(rs.getString("transaction_id")),
                            TransactionKind.parse(rs.getString("kind")),
                            rs.getDate("transaction_date").toLocalDate(),
                            rs.getString("account_id"),
                            rs.getString("fingerprint"),
                            rs.getString("reverses") == null
                                    ? null
                                    : TransactionId.of(rs.getString("reverses")));

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    /** Each year's 科目表; the shipped catalog until the event-sourced one is plugged in. */
    private volatile Function<FiscalYear, ClassificationCatalog> catalogs =
            year -> ClassificationCatalog.standard();

    public JdbcLedgerRegistry(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Where each year's 科目表 comes from ({@code YearCatalogs}, which reads the catalog's events
     * through the store and so cannot be a constructor argument here). Every posting path asks this
     * registry: the aggregate's handlers directly, the import and the year close through the
     * overlay their {@code PostingSession} builds on it.
     */
    public void useCatalogs(Function<FiscalYear, ClassificationCatalog> source) {
        this.catalogs = source;
    }

    @Override
    public ClassificationCatalog catalog(FiscalYear year) {
        return catalogs.apply(year);
    }

    private volatile java.util.function.Supplier<UnitRegistry> units = () -> UnitRegistry.NONE;

    /**
     * Where the departments come from ({@code Departments}, which reads their events through the
     * store).
     */
    public void useUnits(java.util.function.Supplier<UnitRegistry> source) {
        this.units = source;
    }

    /**
     * The departments, read from the store when first asked: of all commands only a transfer asks,
     * and reading them is a round trip (their newest event number) on every command's path.
     */
    @Override
    public UnitRegistry units() {
        return new UnitRegistry() {
            private UnitRegistry read;

            private UnitRegistry read() {
                if (read == null) {
                    read = units.get();
                }
                return read;
            }

            @Override
            public Optional<DepartmentUnit> membership(UnitCode unit, FiscalYear year) {
                return read().membership(unit, year);
            }

            @Override
            public List<DepartmentUnit> unitsOf(String department, FiscalYear year) {
                return read().unitsOf(department, year);
            }
        };
    }

    /** Creates the year's row if needed and share-locks it until the transaction ends. */
    public YearStatus lockYear(UnitCode unit, FiscalYear year) {
        jdbc.update(dialect.insertYearIfAbsent(), unit.code(), year.value());
        return jdbc.queryForObject(
                "SELECT closed, opening_carried_in FROM ledger_year WHERE unit = ? AND fiscal_year = ?"
                        + dialect.shareLock(),
                (rs, n) -> new YearStatus(rs.getBoolean(1), rs.getBoolean(2)),
                unit.code(),
                year.value());
    }

    /**
     * Creates the year's row if needed and locks it exclusively: no posting can proceed meanwhile.
     */
    public YearStatus lockYearExclusively(UnitCode unit, FiscalYear year) {
        jdbc.update(dialect.insertYearIfAbsent(), unit.code(), year.value());
        return jdbc.queryForObject(
                "SELECT closed, opening_carried_in FROM ledger_year WHERE unit = ? AND fiscal_year = ?"
                        + " FOR UPDATE",
                (rs, n) -> new YearStatus(rs.getBoolean(1), rs.getBoolean(2)),
                unit.code(),
                year.value());
    }

    /**
     * The year's status, share-locked until the transaction ends, so that what a command decided on
     * stays true until it commits: a year close waits for it, and it waits for a close. One round
     * trip when the year's row exists; a year without one gets it first (a close must find it).
     */
    /**
     * Whether the unit's year is closed, read without a lock and without creating the year's row:
     * for readers (the 预算会计 closing entries), never for a decision.
     */
    public boolean isClosed(UnitCode unit, FiscalYear year) {
        return jdbc
                .queryForList(
                        "SELECT closed FROM ledger_year WHERE unit = ? AND fiscal_year = ?",
                        Boolean.class,
                        unit.code(),
                        year.value())
                .stream()
                .anyMatch(Boolean.TRUE::equals);
    }

    @Override
    public YearStatus yearStatus(UnitCode unit, FiscalYear year) {
        List<YearStatus> status =
                jdbc.query(
                        "SELECT closed, opening_carried_in FROM ledger_year WHERE unit = ? AND fiscal_year = ?"
                                + dialect.shareLock(),
                        (rs, n) -> new YearStatus(rs.getBoolean(1), rs.getBoolean(2)),
                        unit.code(),
                        year.value());
        return status.isEmpty() ? lockYear(unit, year) : status.get(0);
    }

    public void markClosed(UnitCode unit, FiscalYear year, java.time.LocalDate closedOn) {
        jdbc.update(
                "UPDATE ledger_year SET closed = TRUE, closed_on = ? WHERE unit = ? AND fiscal_year = ?",
                Date.valueOf(closedOn),
                unit.code(),
                year.value());
        jdbc.update(dialect.insertYearIfAbsent(), unit.code(), year.value() + 1);
        jdbc.update(
                "UPDATE ledger_year SET opening_carried_in = TRUE WHERE unit = ? AND fiscal_year = ?",
                unit.code(),
                year.value() + 1);
    }

    @Override
    public Optional<RecordedTransaction> transaction(
            UnitCode unit, FiscalYear year, TransactionId id) {
        return jdbc
                .query(
                        "SELECT * FROM ledger_transaction WHERE unit = ? AND fiscal_year = ? AND transaction_id = ?",
                        TRANSACTION,
                        unit.code(),
                        year.value(),
                        id.value())
                .stream()
                .findFirst();
    }

    @Override
    public boolean hasOpeningTransactions(UnitCode unit, FiscalYear year) {
        Integer count =
                jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ledger_transaction t WHERE t.unit = ?"
                                + " AND t.fiscal_year = ? AND t.kind = 'opening' AND NOT EXISTS (SELECT 1 FROM ledger_transaction r"
                                + " WHERE r.unit = t.unit AND r.fiscal_year = t.fiscal_year AND r.reverses = t.transaction_id)",
                        Integer.class,
                        unit.code(),
                        year.value());
        return count != null && count > 0;
    }

    @Override
    public void record(RecordedTransaction transaction) {
        recordAll(List.of(transaction));
    }

    /**
     * Takes many transaction ids: on PostgreSQL a large batch with one binary COPY on the
     * transaction's connection, otherwise in batched INSERTs. A duplicate id fails either way, as a
     * {@link org.springframework.dao.DataIntegrityViolationException}.
     */
    public void recordAll(List<RecordedTransaction> transactions) {
        if (dialect.postgres() && transactions.size() >= COPY_FROM) {
            recordByCopy(transactions);
        } else {
            recordByInsert(transactions);
        }
    }

    void recordByCopy(List<RecordedTransaction> transactions) {
        jdbc.execute(
                (ConnectionCallback<Long>)
                        connection -> {
                            try (BinaryCopy copy =
                                    new BinaryCopy(
                                            connection,
                                            "COPY ledger_transaction (unit, fiscal_year,"
                                                    + " transaction_id, kind, transaction_date, account_id, fingerprint, reverses)"
                                                    + " FROM STDIN (FORMAT binary)")) {
                                for (RecordedTransaction t : transactions) {
                                    copy.row(8);
                                    copy.text(t.unit().code());
                                    copy.int4(t.year().value());
                                    copy.text(t.id().value());
                                    copy.text(t.kind().code());
                                    copy.date(t.date());
                                    copy.text(t.accountId());
                                    copy.text(t.fingerprint());
                                    copy.text(t.reverses() == null ? null : t.reverses().value());
                                }
                                return copy.finish();
                            }
                        });
    }

    void recordByInsert(List<RecordedTransaction> transactions) {
        jdbc.batchUpdate(
                "INSERT INTO ledger_transaction (unit, fiscal_year, transaction_id, kind, transaction_date,"
                        + " account_id, fingerprint, reverses) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                transactions,
                5_000,
                (PreparedStatement ps, RecordedTransaction t) -> {
                    ps.setString(1, t.unit().code());
                    ps.setInt(2, t.year().value());
                    ps.setString(3, t.id().value());
                    ps.setString(4, t.kind().code());
                    ps.setDate(5, Date.valueOf(t.date()));
                    ps.setString(6, t.accountId());
                    ps.setString(7, t.fingerprint());
                    ps.setString(8, t.reverses() == null ? null : t.reverses().value());
                });
    }

    /**
     * The recorded transactions among {@code ids} of one unit-year, fetched in a few round trips;
     * none at all when the unit-year has none yet (a new year's first import: no lookups per id).
     * Importing a file again loads a million of them: they share one unit, year, date and account
     * id object each instead of a copy per row, which saves about 190 MB of a 512 MB heap.
     */
    public List<RecordedTransaction> transactions(
            UnitCode unit, FiscalYear year, Collection<String> ids) {
        if (ids.isEmpty() || !hasTransactions(unit, year)) {
            return List.of();
        }
        Map<LocalDate, LocalDate> dates = new HashMap<>();
        Map<String, String> accountIds = new HashMap<>();
        RowMapper<RecordedTransaction> shared =
                (rs, n) -> {
                    String reverses = rs.getString("reverses");
                    return new RecordedTransaction(
                            unit,
                            year,
                            TransactionId.of(rs.getString("transaction_id")),
                            TransactionKind.parse(rs.getString("kind")),
                            dates.computeIfAbsent(
                                    rs.getDate("transaction_date").toLocalDate(), d -> d),
                            accountIds.computeIfAbsent(rs.getString("account_id"), a -> a),
                            rs.getString("fingerprint"),
                            reverses == null ? null : TransactionId.of(reverses));
                };
        List<String> all = new ArrayList<>(ids);
        List<RecordedTransaction> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            found.addAll(
                    jdbc.query(
                            connection -> {
                                PreparedStatement ps =
                                        connection.prepareStatement(
                                                "SELECT transaction_id, kind, transaction_date,"
                                                        + " account_id, fingerprint, reverses FROM ledger_transaction"
                                                        + " WHERE unit = ? AND fiscal_year = ? AND transaction_id = ANY (?)");
                                ps.setString(1, unit.code());
                                ps.setInt(2, year.value());
                                Array array = connection.createArrayOf("VARCHAR", chunk.toArray());
                                ps.setArray(3, array);
                                return ps;
                            },
                            shared));
        }
        return found;
    }

    private boolean hasTransactions(UnitCode unit, FiscalYear year) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM ledger_transaction"
                                + " WHERE unit = ? AND fiscal_year = ?)",
                        Boolean.class,
                        unit.code(),
                        year.value()));
    }

    /** Every account the unit posted to in the year, carried-in balances included. */
    public List<String> accountsOf(UnitCode unit, FiscalYear year) {
        return jdbc.queryForList(
                "SELECT DISTINCT account_id FROM ledger_transaction WHERE unit = ? AND fiscal_year = ?"
                        + " ORDER BY account_id",
                String.class,
                unit.code(),
                year.value());
    }

    public Map<UnitCode, String> unitNames() {
        Map<UnitCode, String> names = new HashMap<>();
        jdbc.query(
                "SELECT unit, name FROM ledger_unit",
                (ResultSet rs) -> {
                    names.put(UnitCode.of(rs.getString(1)), rs.getString(2));
                });
        return names;
    }

    public Map<UnitProject, String> projectNames(Collection<UnitCode> units) {
        Map<UnitProject, String> names = new HashMap<>();
        for (UnitCode unit : units) {
            jdbc.query(
                    "SELECT project, name FROM ledger_project WHERE unit = ?",
                    (ResultSet rs) -> {
                        names.put(
                                new UnitProject(unit, ProjectCode.of(rs.getString(1))),
                                rs.getString(2));
                    },
                    unit.code());
        }
        return names;
    }

    public void registerUnit(UnitCode unit, String name) {
        jdbc.update("INSERT INTO ledger_unit (unit, name) VALUES (?, ?)", unit.code(), name);
    }

    public void registerProject(UnitCode unit, ProjectCode project, String name) {
        jdbc.update(
                "INSERT INTO ledger_project (unit, project, name) VALUES (?, ?, ?)",
                unit.code(),
                project.code(),
                name);
    }
}

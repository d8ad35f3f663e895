package ledger.api.recording;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import ledger.api.store.JdbcLedgerRegistry;
import ledger.api.store.SqlDialect;
import ledger.core.account.FiscalYear;
import ledger.core.account.RecordedTransaction;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.account.YearStatus;
import ledger.core.journal.JournalPosting.KnownNames;
import ledger.core.journal.JournalPosting.UnitProject;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the group-commit writer reads before deciding a batch, in as few round trips as the
 * database allows: each round trip is paid once per commit by every command waiting in it.
 * PostgreSQL gets one statement per kind of read for the whole batch; the embedded database the
 * registry's plain statements.
 */
final class RecorderReads {

    record UnitYear(UnitCode unit, FiscalYear year) {
    }

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final JdbcLedgerRegistry registry;
    /** Names of units and projects seen committed. A name never changes once registered, so what is here stays true. */
    private final Map<UnitCode, String> unitNames = new ConcurrentHashMap<>();
    private final Map<UnitProject, String> projectNames = new ConcurrentHashMap<>();

    RecorderReads(JdbcTemplate jdbc, SqlDialect dialect, JdbcLedgerRegistry registry) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.registry = registry;
    }

    /**
     * Share-locks each unit-year until the transaction ends (a year close waits, and is waited
     * for) and reads its status; a unit-year without a row yet gets one.
     */
    Map<UnitYear, YearStatus> lockYears(Collection<UnitYear> unitYears) {
        Map<UnitYear, YearStatus> years = new HashMap<>();
        if (dialect.postgres()) {
            List<UnitYear> list = new ArrayList<>(unitYears);
            StringBuilder sql = new StringBuilder("SELECT unit, fiscal_year, closed, opening_carried_in FROM ledger_year"
                    + " WHERE (unit, fiscal_year) IN (");
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
                args.add(list.get(i).unit().code());
                args.add(list.get(i).year().value());
            }
            sql.append(") ORDER BY unit, fiscal_year FOR SHARE");
            jdbc.query(sql.toString(), rs -> {
                years.put(new UnitYear(UnitCode.of(rs.getString(1)), FiscalYear.of(rs.getInt(2))),
                        new YearStatus(rs.getBoolean(3), rs.getBoolean(4)));
            }, args.toArray());
        }
        for (UnitYear unitYear : unitYears) {
            if (!years.containsKey(unitYear)) {
                years.put(unitYear, registry.lockYear(unitYear.unit(), unitYear.year()));
            }
        }
        return years;
    }

    /** The recorded transactions among the ids wanted of each unit-year. */
    List<RecordedTransaction> transactions(Map<UnitYear, Set<String>> ids) {
        if (!dialect.postgres()) {
            List<RecordedTransaction> found = new ArrayList<>();
            ids.forEach((unitYear, wanted) -> found.addAll(registry.transactions(unitYear.unit(), unitYear.year(),
                    wanted)));
            return found;
        }
        List<String> units = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<String> wantedIds = new ArrayList<>();
        ids.forEach((unitYear, wanted) -> wanted.forEach(id -> {
            units.add(unitYear.unit().code());
            years.add(unitYear.year().value());
            wantedIds.add(id);
        }));
        List<RecordedTransaction> found = new ArrayList<>();
        jdbc.query(connection -> {
            // Joined from the wanted keys, so each is one probe of the primary key whatever the statistics say.
            PreparedStatement ps = connection.prepareStatement("SELECT t.unit, t.fiscal_year, t.transaction_id, t.kind,"
                    + " t.transaction_date, t.account_id, t.fingerprint, t.reverses"
                    + " FROM unnest(?::varchar[], ?::int[], ?::varchar[]) AS k(unit, fiscal_year, transaction_id)"
                    + " JOIN ledger_transaction t ON t.unit = k.unit AND t.fiscal_year = k.fiscal_year"
                    + " AND t.transaction_id = k.transaction_id");
            planEachTime(ps);
            Array unitArray = connection.createArrayOf("VARCHAR", units.toArray());
            Array yearArray = connection.createArrayOf("INTEGER", years.toArray());
            Array idArray = connection.createArrayOf("VARCHAR", wantedIds.toArray());
            ps.setArray(1, unitArray);
            ps.setArray(2, yearArray);
            ps.setArray(3, idArray);
            return ps;
        }, rs -> {
            found.add(new RecordedTransaction(UnitCode.of(rs.getString(1)), FiscalYear.of(rs.getInt(2)),
                    TransactionId.of(rs.getString(3)), TransactionKind.parse(rs.getString(4)),
                    rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7),
                    rs.getString(8) == null ? null : TransactionId.of(rs.getString(8))));
        });
        return found;
    }

    /**
     * The known names of the batch's units and projects; the database is asked only when one of
     * them has not been seen committed yet.
     */
    KnownNames names(Set<UnitCode> units, Set<UnitProject> projects) {
        boolean allKnown = unitNames.keySet().containsAll(units) && projectNames.keySet().containsAll(projects);
        if (!allKnown) {
            unitNames.putAll(registry.unitNames());
            projectNames.putAll(registry.projectNames(units));
        }
        Map<UnitCode, String> knownUnits = new HashMap<>();
        units.forEach(unit -> {
            String name = unitNames.get(unit);
            if (name != null) {
                knownUnits.put(unit, name);
            }
        });
        Map<UnitProject, String> knownProjects = new HashMap<>();
        projects.forEach(project -> {
            String name = projectNames.get(project);
            if (name != null) {
                knownProjects.put(project, name);
            }
        });
        return new KnownNames(knownUnits, knownProjects);
    }

    /**
     * Has PostgreSQL plan the statement for each execution's own values and the table's current
     * size. A server-side prepared statement keeps the plan it settled on after five executions;
     * made while the table was nearly empty, that is a sequential scan, and without ANALYZE
     * (autovacuum off) it is never replaced: every commit then reads the whole table. Planning
     * costs a fraction of a millisecond.
     */
    static void planEachTime(PreparedStatement ps) throws SQLException {
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    /** Names registered by a transaction, once it has committed. */
    void committed(Map<UnitCode, String> units, Map<UnitProject, String> projects) {
        unitNames.putAll(units);
        projectNames.putAll(projects);
    }
}

package ledger.projections.posting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ledger.core.account.AccountKey;
import ledger.core.account.FiscalYear;
import ledger.core.account.ProjectCode;
import ledger.core.account.TransactionId;
import ledger.core.account.TransactionKind;
import ledger.core.account.UnitCode;
import ledger.core.classification.EconomicCode;
import ledger.core.classification.ExpenditureNature;
import ledger.core.classification.FunctionalCode;
import ledger.core.classification.FundSource;
import ledger.core.classification.ProcurementType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Reads postings back for statements and traces. */
public class PostingRepository {

    private static final RowMapper<Posting> POSTING = PostingRepository::map;

    private final JdbcTemplate jdbc;

    public PostingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every posting of a unit in a year, in the order the events were stored. */
    public List<Posting> postingsOf(UnitCode unit, FiscalYear year) {
        return jdbc.query(
                "SELECT * FROM posting WHERE unit = ? AND fiscal_year = ? ORDER BY global_index",
                POSTING,
                unit.code(),
                year.value());
    }

    /** Every unit with a posting in the year, in code order. */
    public List<UnitCode> unitsOf(FiscalYear year) {
        return jdbc
                .queryForList(
                        "SELECT DISTINCT unit FROM posting WHERE fiscal_year = ? ORDER BY unit",
                        String.class,
                        year.value())
                .stream()
                .map(UnitCode::of)
                .toList();
    }

    public Optional<Posting> byEventId(String eventId) {
        return jdbc.query("SELECT * FROM posting WHERE event_id = ?", POSTING, eventId).stream()
                .findFirst();
    }

    /**
     * The postings of one transaction of a unit's year (several for a transfer or a close), in
     * stored order.
     */
    public List<Posting> byTransaction(UnitCode unit, FiscalYear year, TransactionId transaction) {
        return jdbc.query(
                "SELECT * FROM posting WHERE unit = ? AND fiscal_year = ? AND transaction_id = ?"
                        + " ORDER BY global_index",
                POSTING,
                unit.code(),
                year.value(),
                transaction.value());
    }

    /**
     * For each transaction of a unit's year that was reversed, the first posting of its reversal:
     * what a page links an original to ("已被冲销，见…").
     */
    public Map<TransactionId, Posting> reversalsOf(UnitCode unit, FiscalYear year) {
        Map<TransactionId, Posting> reversals = new HashMap<>();
        jdbc.query(
                        "SELECT * FROM posting WHERE unit = ? AND fiscal_year = ? AND reverses IS NOT NULL"
                                + " ORDER BY global_index",
                        POSTING,
                        unit.code(),
                        year.value())
                .forEach(reversal -> reversals.putIfAbsent(reversal.reverses(), reversal));
        return reversals;
    }

    public Optional<String> unitName(UnitCode unit) {
        return jdbc
                .queryForList(
                        "SELECT name FROM directory_unit WHERE unit = ?", String.class, unit.code())
                .stream()
                .findFirst();
    }

    public Optional<String> projectName(UnitCode unit, ProjectCode project) {
        return jdbc
                .queryForList(
                        "SELECT name FROM directory_project WHERE unit = ? AND project = ?",
                        String.class,
                        unit.code(),
                        project.code())
                .stream()
                .findFirst();
    }

    /** Every project of a unit with its name. */
    public Map<ProjectCode, String> projectNames(UnitCode unit) {
        Map<ProjectCode, String> names = new HashMap<>();
        jdbc.query(
                "SELECT project, name FROM directory_project WHERE unit = ?",
                row -> {
                    names.put(ProjectCode.of(row.getString("project")), row.getString("name"));
                },
                unit.code());
        return names;
    }

    /** Every unit the ledger knows with its name, by name and then code. */
    public Map<UnitCode, String> unitNames() {
        Map<UnitCode, String> names = new LinkedHashMap<>();
        jdbc.query(
                "SELECT unit, name FROM directory_unit ORDER BY name, unit",
                row -> {
                    names.put(UnitCode.of(row.getString("unit")), row.getString("name"));
                });
        return names;
    }

    /** For each unit with postings, the years it has postings in, latest first. */
    public Map<UnitCode, List<FiscalYear>> yearsWithPostings() {
        Map<UnitCode, List<FiscalYear>> years = new LinkedHashMap<>();
        jdbc.query(
                "SELECT unit, fiscal_year FROM posting GROUP BY unit, fiscal_year"
                        + " ORDER BY unit, fiscal_year DESC",
                row -> {
                    years.computeIfAbsent(
                                    UnitCode.of(row.getString("unit")), unit -> new ArrayList<>())
                            .add(FiscalYear.of(row.getInt("fiscal_year")));
                });
        return years;
    }

    /**
     * The postings of a unit-year within the filter, counted and summed by {@link PostingKey} in
     * the database: what a trace's totals and a statement's figures need, without reading the rows.
     */
    public List<PostingKey> keysOf(UnitCode unit, FiscalYear year, PostingFilter filter) {
        return keysOf(unit, year, filter, java.util.Set.of());
    }

    /** As above, of the postings of these event types only (none given: of every type). */
    public List<PostingKey> keysOf(
            UnitCode unit,
            FiscalYear year,
            PostingFilter filter,
            java.util.Set<String> eventTypes) {
        List<Object> args = unitYear(unit, year);
        String where = filter.where(args);
        if (!eventTypes.isEmpty()) {
            List<String> types = eventTypes.stream().sorted().toList();
            where += " AND event_type IN (" + marks(types.size()) + ")";
            args.addAll(types);
        }
        return jdbc.query(
                "SELECT fund, functional, economic, kind, nature, COUNT(*) AS n, SUM(amount_fen) AS fen"
                        + " FROM posting WHERE unit = ? AND fiscal_year = ?"
                        + where
                        + " GROUP BY fund, functional, economic, kind, nature",
                (rs, row) -> {
                    String nature = rs.getString("nature");
                    return new PostingKey(
                            FundSource.parse(rs.getString("fund")),
                            FunctionalCode.of(rs.getString("functional")),
                            EconomicCode.of(rs.getString("economic")),
                            TransactionKind.parse(rs.getString("kind")),
                            nature == null ? null : ExpenditureNature.parse(nature),
                            rs.getLong("n"),
                            rs.getLong("fen"));
                },
                args.toArray());
    }

    /**
     * One page of the postings of a unit-year within the filter and with one of the keys, in the
     * order the events were stored: only the page's rows are read.
     *
     * @param keys the keys to keep, or null for every posting; an empty list keeps none
     */
    public List<Posting> page(
            UnitCode unit,
            FiscalYear year,
            PostingFilter filter,
            List<PostingKey> keys,
            long offset,
            int limit) {
        if (keys != null && keys.isEmpty()) {
            return List.of();
        }
        List<Object> args = unitYear(unit, year);
        String sql =
                "SELECT * FROM posting WHERE unit = ? AND fiscal_year = ?"
                        + filter.where(args)
                        + keyCondition(keys, args)
                        + " ORDER BY global_index LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql, POSTING, args.toArray());
    }

    /**
     * Every posting of {@link #page} without the page's bounds, handed over one by one as the
     * database sends them in batches of {@code fetchSize}, so an export of a whole trace never
     * holds it in memory.
     */
    public void each(
            UnitCode unit,
            FiscalYear year,
            PostingFilter filter,
            List<PostingKey> keys,
            int fetchSize,
            java.util.function.Consumer<Posting> each) {
        if (keys != null && keys.isEmpty()) {
            return;
        }
        List<Object> args = unitYear(unit, year);
        String sql =
                "SELECT * FROM posting WHERE unit = ? AND fiscal_year = ?"
                        + filter.where(args)
                        + keyCondition(keys, args)
                        + " ORDER BY global_index";
        jdbc.execute(
                (org.springframework.jdbc.core.ConnectionCallback<Void>)
                        connection -> {
                            // PostgreSQL streams with a cursor only inside a transaction; outside
                            // one it sends everything at once
                            boolean autoCommit = connection.getAutoCommit();
                            if (autoCommit) {
                                connection.setAutoCommit(false);
                            }
                            try (var statement = connection.prepareStatement(sql)) {
                                statement.setFetchSize(fetchSize);
                                for (int i = 0; i < args.size(); i++) {
                                    statement.setObject(i + 1, args.get(i));
                                }
                                try (ResultSet rs = statement.executeQuery()) {
                                    int row = 0;
                                    while (rs.next()) {
                                        each.accept(map(rs, row++));
                                    }
                                }
                            } finally {
                                if (autoCommit) {
                                    connection.rollback();
                                    connection.setAutoCommit(true);
                                }
                            }
                            return null;
                        });
    }

    /**
     * For the reversals among these transactions of a unit, the first event of the transaction each
     * reverses; and for the transactions that were reversed, the first event of the reversal. Keys
     * are transaction ids: {@code reversed.get(original)} is the reversal's event, {@code
     * originals.get(reversal)} the original's.
     */
    public record ReversalPairs(Map<String, String> originals, Map<String, String> reversals) {}

    /**
     * Both directions of {@link ReversalPairs} for one page's transactions: a query each, bounded
     * by the page.
     */
    public ReversalPairs reversalLinks(UnitCode unit, java.util.Collection<Posting> page) {
        Map<String, String> originals = new HashMap<>();
        Map<String, String> reversals = new HashMap<>();
        List<String> reversed =
                page.stream()
                        .filter(Posting::isReversal)
                        .map(p -> p.reverses().value())
                        .distinct()
                        .toList();
        List<String> ids = page.stream().map(p -> p.transactionId().value()).distinct().toList();
        if (!reversed.isEmpty()) {
            Map<String, String> byOriginal = new HashMap<>();
            jdbc.query(
                    "SELECT transaction_id, event_id FROM posting WHERE unit = ? AND transaction_id IN ("
                            + marks(reversed.size())
                            + ") ORDER BY global_index",
                    row -> {
                        byOriginal.putIfAbsent(row.getString(1), row.getString(2));
                    },
                    concat(unit.code(), reversed));
            page.stream()
                    .filter(Posting::isReversal)
                    .forEach(
                            p -> {
                                String event = byOriginal.get(p.reverses().value());
                                if (event != null) {
                                    originals.putIfAbsent(p.transactionId().value(), event);
                                }
                            });
        }
        if (!ids.isEmpty()) {
            jdbc.query(
                    "SELECT reverses, event_id FROM posting WHERE unit = ? AND reverses IN ("
                            + marks(ids.size())
                            + ") ORDER BY global_index",
                    row -> {
                        reversals.putIfAbsent(row.getString(1), row.getString(2));
                    },
                    concat(unit.code(), ids));
        }
        return new ReversalPairs(originals, reversals);
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static Object[] concat(String first, List<String> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }

    private static List<Object> unitYear(UnitCode unit, FiscalYear year) {
        List<Object> args = new ArrayList<>();
        args.add(unit.code());
        args.add(year.value());
        return args;
    }

    /**
     * The postings with one of the keys: cells are fed by keys, so this is a cell's trace in SQL.
     * The key's columns are joined into one text compared with an IN list, which PostgreSQL probes
     * as a hash: a total fed by hundreds of keys costs one lookup per row, not hundreds of ORs.
     */
    private static String keyCondition(List<PostingKey> keys, List<Object> args) {
        if (keys == null) {
            return "";
        }
        for (PostingKey key : keys) {
            args.add(keyText(key));
        }
        return " AND " + KEY_TEXT + " IN (" + marks(keys.size()) + ")";
    }

    /** A posting's key as one text; no code contains the separator. */
    private static final String KEY_TEXT =
            "(fund || '|' || functional || '|' || economic || '|' || kind || '|' || COALESCE(nature, ''))";

    static String keyText(PostingKey key) {
        return key.fund().code()
                + "|"
                + key.functional().code()
                + "|"
                + key.economic().code()
                + "|"
                + key.kind().code()
                + "|"
                + (key.nature() == null ? "" : key.nature().code());
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM posting", Long.class);
        return count == null ? 0 : count;
    }

    private static Posting map(ResultSet rs, int row) throws SQLException {
        AccountKey account =
                new AccountKey(
                        FiscalYear.of(rs.getInt("fiscal_year")),
                        UnitCode.of(rs.getString("unit")),
                        FundSource.parse(rs.getString("fund")),
                        FunctionalCode.of(rs.getString("functional")),
                        EconomicCode.of(rs.getString("economic")));
        String nature = rs.getString("nature");
        String project = rs.getString("project");
        String procurement = rs.getString("procurement");
        boolean sme = rs.getBoolean("sme");
        Boolean smeOrNull = rs.wasNull() ? null : sme;
        String reverses = rs.getString("reverses");
        var recordedAt = rs.getTimestamp("recorded_at");
        LocalDate date = rs.getDate("posting_date").toLocalDate();
        return new Posting(
                rs.getLong("global_index"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                account,
                TransactionKind.parse(rs.getString("kind")),
                rs.getLong("amount_fen"),
                date,
                nature == null ? null : ExpenditureNature.parse(nature),
                project == null ? null : ProjectCode.of(project),
                procurement == null ? null : ProcurementType.parse(procurement),
                smeOrNull,
                TransactionId.of(rs.getString("transaction_id")),
                reverses == null ? null : TransactionId.of(reverses),
                rs.getString("voucher"),
                rs.getString("memo"),
                rs.getString("recorded_by"),
                recordedAt == null ? null : recordedAt.toInstant(),
                rs.getString("indicator"));
    }
}

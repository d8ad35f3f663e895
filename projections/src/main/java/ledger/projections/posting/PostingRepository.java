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
import ledger.core.classification.FundSource;
import ledger.core.classification.FunctionalCode;
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
        return jdbc.query("SELECT * FROM posting WHERE unit = ? AND fiscal_year = ? ORDER BY global_index",
                POSTING, unit.code(), year.value());
    }

    /** Every unit with a posting in the year, in code order. */
    public List<UnitCode> unitsOf(FiscalYear year) {
        return jdbc.queryForList("SELECT DISTINCT unit FROM posting WHERE fiscal_year = ? ORDER BY unit", String.class,
                year.value()).stream().map(UnitCode::of).toList();
    }

    public Optional<Posting> byEventId(String eventId) {
        return jdbc.query("SELECT * FROM posting WHERE event_id = ?", POSTING, eventId).stream().findFirst();
    }

    /** The postings of one transaction of a unit's year (several for a transfer or a close), in stored order. */
    public List<Posting> byTransaction(UnitCode unit, FiscalYear year, TransactionId transaction) {
        return jdbc.query("SELECT * FROM posting WHERE unit = ? AND fiscal_year = ? AND transaction_id = ?"
                + " ORDER BY global_index", POSTING, unit.code(), year.value(), transaction.value());
    }

    /**
     * For each transaction of a unit's year that was reversed, the first posting of its reversal:
     * what a page links an original to ("已被冲销，见…").
     */
    public Map<TransactionId, Posting> reversalsOf(UnitCode unit, FiscalYear year) {
        Map<TransactionId, Posting> reversals = new HashMap<>();
        jdbc.query("SELECT * FROM posting WHERE unit = ? AND fiscal_year = ? AND reverses IS NOT NULL"
                + " ORDER BY global_index", POSTING, unit.code(), year.value())
                .forEach(reversal -> reversals.putIfAbsent(reversal.reverses(), reversal));
        return reversals;
    }

    public Optional<String> unitName(UnitCode unit) {
        return jdbc.queryForList("SELECT name FROM directory_unit WHERE unit = ?", String.class, unit.code())
                .stream().findFirst();
    }

    public Optional<String> projectName(UnitCode unit, ProjectCode project) {
        return jdbc.queryForList("SELECT name FROM directory_project WHERE unit = ? AND project = ?", String.class,
                unit.code(), project.code()).stream().findFirst();
    }

    /** Every project of a unit with its name. */
    public Map<ProjectCode, String> projectNames(UnitCode unit) {
        Map<ProjectCode, String> names = new HashMap<>();
        jdbc.query("SELECT project, name FROM directory_project WHERE unit = ?", row -> {
            names.put(ProjectCode.of(row.getString("project")), row.getString("name"));
        }, unit.code());
        return names;
    }

    /** Every unit the ledger knows with its name, by name and then code. */
    public Map<UnitCode, String> unitNames() {
        Map<UnitCode, String> names = new LinkedHashMap<>();
        jdbc.query("SELECT unit, name FROM directory_unit ORDER BY name, unit",
                row -> {
                    names.put(UnitCode.of(row.getString("unit")), row.getString("name"));
                });
        return names;
    }

    /** For each unit with postings, the years it has postings in, latest first. */
    public Map<UnitCode, List<FiscalYear>> yearsWithPostings() {
        Map<UnitCode, List<FiscalYear>> years = new LinkedHashMap<>();
        jdbc.query("SELECT unit, fiscal_year FROM posting GROUP BY unit, fiscal_year"
                + " ORDER BY unit, fiscal_year DESC", row -> {
                    years.computeIfAbsent(UnitCode.of(row.getString("unit")), unit -> new ArrayList<>())
                            .add(FiscalYear.of(row.getInt("fiscal_year")));
                });
        return years;
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM posting", Long.class);
        return count == null ? 0 : count;
    }

    private static Posting map(ResultSet rs, int row) throws SQLException {
        AccountKey account = new AccountKey(FiscalYear.of(rs.getInt("fiscal_year")), UnitCode.of(rs.getString("unit")),
                FundSource.parse(rs.getString("fund")), FunctionalCode.of(rs.getString("functional")),
                EconomicCode.of(rs.getString("economic")));
        String nature = rs.getString("nature");
        String project = rs.getString("project");
        String procurement = rs.getString("procurement");
        boolean sme = rs.getBoolean("sme");
        Boolean smeOrNull = rs.wasNull() ? null : sme;
        String reverses = rs.getString("reverses");
        var recordedAt = rs.getTimestamp("recorded_at");
        LocalDate date = rs.getDate("posting_date").toLocalDate();
        return new Posting(rs.getLong("global_index"), rs.getString("event_id"), rs.getString("event_type"), account,
                TransactionKind.parse(rs.getString("kind")), rs.getLong("amount_fen"), date,
                nature == null ? null : ExpenditureNature.parse(nature),
                project == null ? null : ProjectCode.of(project),
                procurement == null ? null : ProcurementType.parse(procurement),
                smeOrNull, TransactionId.of(rs.getString("transaction_id")),
                reverses == null ? null : TransactionId.of(reverses), rs.getString("voucher"), rs.getString("memo"),
                rs.getString("recorded_by"), recordedAt == null ? null : recordedAt.toInstant(),
                rs.getString("indicator"));
    }
}

package ledger.api.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ledger.api.security.UnitAccess;
import ledger.api.statement.ProjectionStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The units the ledger knows (directory_unit) that the signed-in user may reach, and the years each
 * has postings in.
 */
@Component
class WebDirectory {

    /** A unit with its name and years, latest first. */
    record UnitYears(String code, String name, List<Integer> years) {
        public String label() {
            return name + "（" + code + "）";
        }
    }

    private final JdbcTemplate jdbc;
    private final ProjectionStatus projections;
    private final UnitAccess access;

    WebDirectory(JdbcTemplate jdbc, ProjectionStatus projections, UnitAccess access) {
        this.jdbc = jdbc;
        this.projections = projections;
        this.access = access;
    }

    /** Every unit, once the read models have caught up with what was just imported. */
    List<UnitYears> units() {
        projections.awaitCaughtUp(Duration.ofMinutes(1));
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("SELECT unit, name FROM directory_unit ORDER BY name, unit",
                row -> {
                    if (access.currentUserPermits(row.getString("unit"))) {
                        names.put(row.getString("unit"), row.getString("name"));
                    }
                });
        Map<String, List<Integer>> years = new LinkedHashMap<>();
        jdbc.query("SELECT unit, fiscal_year FROM posting GROUP BY unit, fiscal_year"
                + " ORDER BY unit, fiscal_year DESC", row -> {
                    years.computeIfAbsent(row.getString("unit"), unit -> new ArrayList<>())
                            .add(row.getInt("fiscal_year"));
                });
        List<UnitYears> units = new ArrayList<>();
        names.forEach((code, name) -> units.add(new UnitYears(code, name,
                years.getOrDefault(code, List.of()))));
        return units;
    }
}

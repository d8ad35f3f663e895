package ledger.api.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ledger.api.security.UnitAccess;
import ledger.api.statement.ProjectionStatus;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.projections.posting.PostingRepository;
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

    private final PostingRepository postings;
    private final ProjectionStatus projections;
    private final UnitAccess access;

    WebDirectory(PostingRepository postings, ProjectionStatus projections, UnitAccess access) {
        this.postings = postings;
        this.projections = projections;
        this.access = access;
    }

    /** Every unit, once the read models have caught up with what was just imported. */
    List<UnitYears> units() {
        projections.awaitReadable(Duration.ofMinutes(1));
        Map<UnitCode, List<FiscalYear>> years = postings.yearsWithPostings();
        List<UnitYears> units = new ArrayList<>();
        postings.unitNames()
                .forEach(
                        (unit, name) -> {
                            if (access.currentUserPermits(unit.code())) {
                                units.add(
                                        new UnitYears(
                                                unit.code(),
                                                name,
                                                years.getOrDefault(unit, List.of()).stream()
                                                        .map(FiscalYear::value)
                                                        .toList()));
                            }
                        });
        return units;
    }
}

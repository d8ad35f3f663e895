package ledger.projections.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ledger.projections.posting.Posting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Goal: on statements computed from any valid postings the report's rules hold up to rounding tails
 * (never an ERROR), and every cell is explained exactly by its trace. Method: random ledgers from
 * fixed seeds, whole year and as of a date.
 */
class RandomizedLedgerTest {

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 17L, 2020L})
    void checksOnComputedStatementsNeverGiveAnError(long seed) {
        List<Posting> postings = RandomLedger.generate(seed, 3_000, true);

        for (LocalDate asOf : new LocalDate[] {null, LocalDate.of(2020, 6, 30)}) {
            StatementSet set =
                    StatementEngine.compute(
                            PostingFixtures.UNIT, "u", PostingFixtures.YEAR, asOf, postings);
            List<Finding> findings = StatementChecks.evaluate(set);

            assertThat(findings).filteredOn(Finding::isError).isEmpty();
            assertThat(set.displayed()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {5L, 6L})
    void roundingTailsDoAppearAsNotesOnRandomLedgers(long seed) {
        StatementSet set = PostingFixtures.compute(RandomLedger.generate(seed, 3_000, false));

        List<Finding> notes = StatementChecks.evaluate(set);

        assertThat(notes)
                .isNotEmpty()
                .allSatisfy(
                        note -> {
                            assertThat(note.severity()).isIn(Finding.Severity.NOTE);
                        });
    }

    @ParameterizedTest
    @ValueSource(longs = {7L, 8L})
    void everyNonZeroCellEqualsTheSumOfItsTrace(long seed) {
        List<Posting> postings = RandomLedger.generate(seed, 2_000, true);
        LocalDate asOf = LocalDate.of(2020, 9, 30);
        StatementSet set =
                StatementEngine.compute(
                        PostingFixtures.UNIT, "u", PostingFixtures.YEAR, asOf, postings);

        Map<CellAddress, Long> cells =
                set.tables().stream()
                        .flatMap(table -> table.cellsFen().entrySet().stream())
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(cells).hasSizeGreaterThan(100);
        CellTrace tracer =
                CellTrace.over(PostingFixtures.UNIT, PostingFixtures.YEAR, postings, asOf);
        for (Map.Entry<CellAddress, Long> cell : cells.entrySet()) {
            Trace trace = tracer.trace(cell.getKey());
            assertThat(trace.fen()).as("trace of %s", cell.getKey()).isEqualTo(cell.getValue());
            assertThat(trace.postings()).isNotEmpty();
        }
    }
}

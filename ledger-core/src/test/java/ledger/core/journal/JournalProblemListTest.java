package ledger.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bounded list of a journal's problems: the first ones listed whole, every further refused row
 * counted exactly once, and the count said in one closing problem.
 */
class JournalProblemListTest {

    @Test
    void fewProblemsAreListedAsTheyCameWithNoSummary() {
        JournalProblemList list = new JournalProblemList(3);
        list.add(new JournalProblem(2, "amount", "bad"));
        list.add(new JournalProblem(2, "date", "bad"));
        list.add(new JournalProblem(4, "unit", "bad"));
        assertThat(list.rowsRefused()).isEqualTo(2);
        assertThat(list.rowsNotListed()).isZero();
        assertThat(list.problems())
                .extracting(JournalProblem::toString)
                .containsExactly(
                        "第 2 行，金额（amount）：bad", "第 2 行，日期（date）：bad", "第 4 行，单位（unit）：bad");
    }

    @Test
    void pastTheBoundRowsAreCountedOnceEachAndNamedInOneChineseSummary() {
        // Goal: a file of many bad rows is answered with a bounded list, yet the count of the rest
        // is
        // exact: two problems on one row, and rows met again out of order, count that row once.
        JournalProblemList list = new JournalProblemList(2);
        list.add(new JournalProblem(2, "amount", "bad"));
        list.add(new JournalProblem(3, "amount", "bad"));
        list.add(
                new JournalProblem(
                        3, "date", "also bad")); // the rest of a listed row is still listed
        list.add(new JournalProblem(5, "amount", "bad"));
        list.add(new JournalProblem(5, "date", "bad"));
        list.add(new JournalProblem(7, "amount", "bad"));
        list.add(new JournalProblem(5, "memo", "bad"));
        assertThat(list.rowsRefused()).isEqualTo(4);
        assertThat(list.rowsNotListed()).isEqualTo(2);
        List<JournalProblem> problems = list.problems();
        assertThat(problems).hasSize(4);
        assertThat(problems.subList(0, 3))
                .extracting(p -> p.line() + ":" + p.column())
                .containsExactly("2:amount", "3:amount", "3:date");
        JournalProblem summary = problems.get(3);
        assertThat(summary.line()).isEqualTo(5);
        assertThat(summary.column()).isEmpty();
        assertThat(summary.reason())
                .startsWith("另有 2 行被拒绝，未逐一列出")
                .contains("2 more rows were refused");
    }

    @Test
    void aMillionBadRowsKeepTheDefaultBoundAndCountEveryRow() {
        JournalProblemList list = new JournalProblemList();
        for (int line = 2; line < 1_000_002; line++) {
            list.add(new JournalProblem(line, "amount", "amount must be positive"));
            list.add(new JournalProblem(line, "date", "date must be a real date"));
        }
        assertThat(list.rowsRefused()).isEqualTo(1_000_000);
        assertThat(list.rowsNotListed()).isEqualTo(1_000_000 - 500);
        List<JournalProblem> problems = list.problems();
        assertThat(problems).hasSize(1_000 + 1);
        assertThat(problems.get(problems.size() - 1).reason()).startsWith("另有 999500 行被拒绝");
        assertThat(problems.get(problems.size() - 1).line()).isEqualTo(502);
    }

    @Test
    void aSummaryAddedFromAnotherListIsCountedAgainNotListed() {
        // Goal: the import merges format problems with rule problems; neither count may be lost.
        JournalProblemList rules = new JournalProblemList(1);
        rules.add(new JournalProblem(10, "amount", "exceeds the funds"));
        rules.add(new JournalProblem(11, "amount", "exceeds the funds"));
        rules.add(new JournalProblem(12, "amount", "exceeds the funds"));
        List<JournalProblem> merged =
                new ArrayList<>(List.of(new JournalProblem(4, "date", "bad")));
        merged.addAll(rules.problems());

        JournalProblemList all = new JournalProblemList(2);
        all.addAll(merged);
        assertThat(all.rowsRefused()).isEqualTo(4);
        assertThat(all.rowsNotListed()).isEqualTo(2);
        assertThat(all.problems())
                .extracting(p -> p.line() + ":" + p.reason())
                .containsExactly(
                        "4:bad", "10:exceeds the funds", "11:" + all.problems().get(2).reason());
        assertThat(all.problems().get(2).reason()).startsWith("另有 2 行被拒绝");
    }

    @Test
    void aHeaderWithThousandsOfBadNamesIsStillBounded() {
        JournalProblemList list = new JournalProblemList();
        for (int i = 0; i < 100_000; i++) {
            list.add(new JournalProblem(1, "c" + i, "unknown column"));
        }
        assertThat(list.rowsRefused()).isEqualTo(1);
        assertThat(list.problems())
                .hasSizeLessThanOrEqualTo(JournalProblemList.LISTED_AT_MOST + 50);
    }
}

package ledger.core.journal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems of one journal: the first {@value #LISTED_AT_MOST} listed, the rows beyond only
 * counted. A file of a million bad rows would otherwise be held as a million problems and sent back
 * whole, while the clerk needs the first ones to see what is wrong and a count of the rest.
 *
 * <p>Every operation takes constant time (a line is remembered in a bit set, never searched for),
 * so refusing a file costs no more than reading it: counting distinct bad rows by scanning the
 * problems for every row made a 1M-row refusal run for more than ten minutes.
 */
public final class JournalProblemList {

    /** Enough to see every kind of mistake a file makes; a longer list helps no one fix it. */
    public static final int LISTED_AT_MOST = 1_000;

    /**
     * A listed row is listed whole, up to this many more problems past the bound (a header may have
     * more).
     */
    private static final int MORE_OF_A_LISTED_ROW = 50;

    private static final Pattern NOT_LISTED = Pattern.compile("^另有 (\\d+) 行被拒绝，未逐一列出");

    private final int listedAtMost;
    private final List<JournalProblem> listed = new ArrayList<>();
    private final BitSet refusedLines = new BitSet();
    private final BitSet listedLines = new BitSet();
    private int refusedRows;
    private int listedRows;

    /** Rows another list counted but did not list (see {@link #addAll}). */
    private int countedElsewhere;

    private int firstNotListedLine = Integer.MAX_VALUE;

    public JournalProblemList() {
        this(LISTED_AT_MOST);
    }

    JournalProblemList(int listedAtMost) {
        if (listedAtMost < 1) {
            throw new IllegalArgumentException(
                    "at least one problem must be listed, got " + listedAtMost);
        }
        this.listedAtMost = listedAtMost;
    }

    public void add(JournalProblem problem) {
        int line = Math.max(problem.line(), 0);
        if (!refusedLines.get(line)) {
            refusedLines.set(line);
            refusedRows++;
        }
        boolean rowListed = listedLines.get(line);
        if (listed.size() < listedAtMost
                || rowListed && listed.size() < listedAtMost + MORE_OF_A_LISTED_ROW) {
            listed.add(problem);
            if (!rowListed) {
                listedLines.set(line);
                listedRows++;
            }
        } else if (!rowListed) {
            firstNotListedLine = Math.min(firstNotListedLine, line);
        }
    }

    /**
     * Adds the problems of another list as {@link #problems()} gave them: its summary of rows not
     * listed is counted here again, not listed as a problem.
     */
    public void addAll(List<JournalProblem> problems) {
        for (JournalProblem problem : problems) {
            Matcher notListed = NOT_LISTED.matcher(problem.reason());
            if ((problem.column() == null || problem.column().isEmpty()) && notListed.find()) {
                countedElsewhere += Integer.parseInt(notListed.group(1));
                firstNotListedLine = Math.min(firstNotListedLine, problem.line());
            } else {
                add(problem);
            }
        }
    }

    public boolean isEmpty() {
        return refusedRows == 0 && countedElsewhere == 0;
    }

    /** Distinct lines with at least one problem (the header counts as a line). */
    public int rowsRefused() {
        return refusedRows + countedElsewhere;
    }

    /** Refused rows none of whose problems are listed. */
    public int rowsNotListed() {
        return refusedRows - listedRows + countedElsewhere;
    }

    /**
     * The listed problems, then, when rows were left out, one more on the first of them saying how
     * many: "另有 N 行被拒绝，未逐一列出".
     */
    public List<JournalProblem> problems() {
        int notListed = rowsNotListed();
        if (notListed == 0) {
            return List.copyOf(listed);
        }
        List<JournalProblem> all = new ArrayList<>(listed.size() + 1);
        all.addAll(listed);
        all.add(
                new JournalProblem(
                        firstNotListedLine,
                        "",
                        "另有 "
                                + notListed
                                + " 行被拒绝，未逐一列出（"
                                + notListed
                                + " more rows were refused and are not listed; fix the ones above and send the file"
                                + " again)"));
        return all;
    }
}

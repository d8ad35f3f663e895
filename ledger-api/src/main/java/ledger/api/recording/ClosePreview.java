package ledger.api.recording;

import java.time.LocalDate;
import java.util.List;
import ledger.core.account.AccountKey;

/**
 * What closing a unit's year would carry into the next (结转预览), as the API and {@code ledger close
 * --preview} show it before anything is written: each budget line's balance and the total, in fen
 * and in yuan.
 */
public record ClosePreview(
        String unit,
        int year,
        int nextYear,
        LocalDate closedOn,
        List<Line> lines,
        long totalFen,
        String totalYuan) {

    /** One budget line's balance carried forward. */
    public record Line(
            String account,
            String fund,
            String functional,
            String economic,
            long fen,
            String yuan) {}

    public static ClosePreview of(YearCloser.Preview preview) {
        List<Line> lines =
                preview.lines().stream()
                        .map(
                                line -> {
                                    AccountKey key = line.from();
                                    return new Line(
                                            key.id(),
                                            key.fund().code(),
                                            key.functional().code(),
                                            key.economic().code(),
                                            line.amount().fen(),
                                            line.amount().toYuanString());
                                })
                        .toList();
        return new ClosePreview(
                preview.closed().unit().code(),
                preview.closed().year().value(),
                preview.closed().year().next().value(),
                preview.closed().closedOn(),
                lines,
                preview.closed().carriedTotal().fen(),
                preview.closed().carriedTotal().toYuanString());
    }
}

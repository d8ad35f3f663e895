package ledger.reportreader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a table keyed by a code (or {@code total}) as read, with its figures in printed order
 * and no columns yet.
 */
final class CodeRow {

    final String key;
    final ReportLine source;
    final List<Token> figures = new ArrayList<>();

    CodeRow(String key, ReportLine source) {
        this.key = key;
        this.source = source;
    }

    List<BigDecimal> values() {
        return figures.stream().map(Token::value).toList();
    }

    String printed() {
        StringBuilder text = new StringBuilder();
        for (Token figure : figures) {
            text.append(text.isEmpty() ? "" : " ").append(figure.text());
        }
        return key + " 行的数字 " + text;
    }
}

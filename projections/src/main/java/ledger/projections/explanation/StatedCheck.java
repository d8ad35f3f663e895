package ledger.projections.explanation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ledger.projections.explanation.StatedFigures.Stated;

/**
 * Sets the figures a published 情况说明 states beside the ledger's, each at the precision it is printed
 * with: {@code 140.1} agrees with 140.09 (one decimal), {@code 140.10} does not. A percentage
 * printed without % is named even when its number agrees.
 */
final class StatedCheck {

    private StatedCheck() {}

    static List<ExplanationFinding> check(
            StatedFigures stated, Map<String, Figure> figures, Map<String, List<String>> sums) {
        List<ExplanationFinding> findings = new ArrayList<>();
        for (Stated figure : stated.figures()) {
            Figure computed = figures.get(figure.key());
            String where = figure.where().isEmpty() ? "" : figure.where() + " ";
            if (computed == null) {
                findings.add(
                        new ExplanationFinding(
                                ExplanationFinding.Kind.NOT_COMPUTED,
                                figure.key(),
                                figure.where(),
                                figure.printed(),
                                "",
                                where
                                        + figure.key()
                                        + "：公布 "
                                        + figure.printed()
                                        + "，账簿算不出此数（第 "
                                        + figure.line()
                                        + " 行）"));
                continue;
            }
            boolean percent = computed.kind() == Figure.Kind.PERCENT;
            if (percent && !figure.isPercent()) {
                findings.add(
                        new ExplanationFinding(
                                ExplanationFinding.Kind.MISSING_PERCENT_SIGN,
                                figure.key(),
                                figure.where(),
                                figure.printed(),
                                computed.display(),
                                where
                                        + computed.label()
                                        + "：公布印作“"
                                        + figure.printed()
                                        + "”，缺少 %（账簿 "
                                        + computed.display()
                                        + "）"));
            }
            BigDecimal printed = figure.number();
            BigDecimal atPrintedPrecision = computed.roundedTo(Math.max(0, printed.scale()));
            boolean unitWrong = !percent && figure.isPercent();
            if (unitWrong || atPrintedPrecision.compareTo(printed) != 0) {
                findings.add(
                        new ExplanationFinding(
                                ExplanationFinding.Kind.CONTRADICTION,
                                figure.key(),
                                figure.where(),
                                figure.printed(),
                                computed.display(),
                                where
                                        + computed.label()
                                        + "：公布 "
                                        + figure.printed()
                                        + "，账簿 "
                                        + computed.display()
                                        + derivation(computed, figures, sums)));
            }
        }
        return findings;
    }

    /** How the ledger's figure is made: its cell, its ratio, or the shown parts it sums. */
    private static String derivation(
            Figure computed, Map<String, Figure> figures, Map<String, List<String>> sums) {
        if (computed.kind() == Figure.Kind.PERCENT) {
            return "（= " + computed.formula() + "）";
        }
        List<String> parts = sums.get(computed.key());
        if (parts != null) {
            return "（= "
                    + parts.stream()
                            .map(figures::get)
                            .map(Figure::display)
                            .collect(Collectors.joining(" + "))
                    + "）";
        }
        return computed.cell() == null ? "" : "（" + computed.cell() + "）";
    }
}

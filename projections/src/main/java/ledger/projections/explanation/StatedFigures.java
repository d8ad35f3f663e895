package ledger.projections.explanation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a published 情况说明 states, as printed, to set beside the ones the ledger computes.
 * UTF-8 text, one {@code key<TAB>printed<TAB>where} a line ({@code where}, e.g. {@code 五(三)1},
 * optional), {@code #} starting a comment; the keys are those of {@link ExplanationGenerator}. A
 * key may appear more than once, for a figure the text states in several places. Printed values are
 * kept as printed ({@code 2,232.51}, {@code 35.0%}, {@code 111.5}) so that a missing % is seen, and
 * compared at the precision they are printed with.
 */
public final class StatedFigures {

    private static final Pattern PRINTED =
            Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(%?)");

    /** One stated figure. */
    public record Stated(int line, String key, String printed, String where) {

        /** The number as printed, without separators or %: {@code 2232.51}. */
        public BigDecimal number() {
            Matcher matcher = PRINTED.matcher(printed);
            if (!matcher.matches()) {
                throw new IllegalStateException("not a printed figure: " + printed);
            }
            String decimals = matcher.group(2) == null ? "" : matcher.group(2);
            return new BigDecimal(matcher.group(1).replace(",", "") + decimals);
        }

        public boolean isPercent() {
            return printed.endsWith("%");
        }
    }

    private final List<Stated> figures;

    private StatedFigures(List<Stated> figures) {
        this.figures = List.copyOf(figures);
    }

    public static StatedFigures none() {
        return new StatedFigures(List.of());
    }

    /**
     * @throws IllegalArgumentException listing every bad line
     */
    public static StatedFigures parse(Reader reader) {
        List<Stated> figures = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            String text;
            int number = 0;
            while ((text = lines.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank() || text.stripLeading().startsWith("#")) {
                    continue;
                }
                String[] fields = text.split("\t", -1);
                if (fields.length < 2 || fields.length > 3) {
                    errors.add("第 " + number + " 行：应为 key<TAB>公布数<TAB>位置（位置可省）");
                    continue;
                }
                String printed = fields[1].strip();
                if (!PRINTED.matcher(printed).matches()) {
                    errors.add("第 " + number + " 行：“" + printed + "”不是数字（万元或百分比）");
                    continue;
                }
                figures.add(
                        new Stated(
                                number,
                                fields[0].strip(),
                                printed,
                                fields.length == 3 ? fields[2].strip() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stated figures", e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(
                    "公布的情况说明数字有 " + errors.size() + " 处错误：\n" + String.join("\n", errors));
        }
        return new StatedFigures(figures);
    }

    public List<Stated> figures() {
        return figures;
    }

    public boolean isEmpty() {
        return figures.isEmpty();
    }
}

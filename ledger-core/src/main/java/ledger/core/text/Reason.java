package ledger.core.text;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import ledger.core.money.Money;

/**
 * Why something was refused, as a code and its arguments, worded only when shown: in Chinese (the
 * default) or in English for an API client that asks for it ({@code Accept-Language: en}). The
 * words live in one catalog, {@code ledger/core/text/messages.properties} (Chinese) and {@code
 * messages_en.properties}, so no reason is written twice in the code. Money arguments are shown in
 * yuan with thousands separators ({@code 70,500.00}); a {@link Named} argument (a coded value such
 * as a fund) by its Chinese name, or its English word in English.
 */
public record Reason(String code, List<Object> args) {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final String BUNDLE = "ledger.core.text.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** A value with a Chinese and an English name, shown by the language of the message. */
    public interface Named {
        String chineseName();

        String englishName();
    }

    public Reason {
        args = List.copyOf(args.stream().map(arg -> arg == null ? "" : arg).toList());
    }

    public static Reason of(String code, Object... args) {
        return new Reason(code, List.of(args));
    }

    /** The reason in {@code locale}'s language: English for English, Chinese for anything else. */
    public String render(Locale locale) {
        Locale language = locale != null && locale.getLanguage().equals("en") ? ENGLISH : CHINESE;
        ResourceBundle bundle =
                ResourceBundle.getBundle(
                        BUNDLE, language, Reason.class.getClassLoader(), NO_FALLBACK);
        String pattern = bundle.getString(code);
        Object[] shown = args.stream().map(arg -> shown(arg, language)).toArray();
        return new MessageFormat(pattern, Locale.ROOT).format(shown);
    }

    /** The reason in Chinese, as pages, the command line and logs show it. */
    public String chinese() {
        return render(CHINESE);
    }

    private static Object shown(Object arg, Locale language) {
        if (arg instanceof Money money) {
            return yuan(money);
        }
        if (arg instanceof Reason nested) {
            return nested.render(language);
        }
        if (arg instanceof Named named) {
            return language == ENGLISH ? named.englishName() : named.chineseName();
        }
        // Everything else as text: MessageFormat would group the digits of a year or a code.
        return String.valueOf(arg);
    }

    /** Yuan with thousands separators and two decimals: {@code 9,999,999.00}. */
    public static String yuan(Money money) {
        return String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(money.fen(), 2));
    }

    @Override
    public String toString() {
        return chinese();
    }
}

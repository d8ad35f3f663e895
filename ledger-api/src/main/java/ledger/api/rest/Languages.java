package ledger.api.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import ledger.core.text.Reason;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language a caller reads refusals in: Chinese, unless its {@code Accept-Language} puts English
 * first (an API client that asks for it). The JVM's own locale never decides: the users are
 * Chinese.
 */
public final class Languages {

    private Languages() {}

    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Reason.CHINESE;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return !ranges.isEmpty() && ranges.get(0).getRange().startsWith("en")
                    ? Reason.ENGLISH
                    : Reason.CHINESE;
        } catch (IllegalArgumentException malformed) {
            return Reason.CHINESE;
        }
    }

    public static Locale of(HttpServletRequest request) {
        return of(request.getHeader("Accept-Language"));
    }

    /** The language of the request being answered on this thread (Chinese outside a request). */
    public static Locale ofCurrentRequest() {
        if (RequestContextHolder.getRequestAttributes()
                instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return Reason.CHINESE;
    }
}

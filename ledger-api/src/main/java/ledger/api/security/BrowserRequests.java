package ledger.api.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request comes from a person's browser rather than an API client: it asks for HTML and
 * brings no credentials of its own. Such a request is answered with pages (sign-in, refusal) even
 * under {@code /api/}, so nobody reads raw JSON; API clients keep RFC 7807 problems.
 */
public final class BrowserRequests {

    private BrowserRequests() {}

    public static boolean isBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null
                && accept.contains("text/html")
                && request.getHeader("Authorization") == null;
    }
}

package ledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A redirect to this server goes out as a path ({@code Location: /login}), never as an absolute URL
 * built from the request's {@code Host} header: that header is whatever the client sent, and
 * echoing it would let a forged request send a browser, or a cached redirect, elsewhere. The
 * servlet container keeps relative redirects relative.
 */
final class RelativeRedirects extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(
                request,
                new HttpServletResponseWrapper(response) {
                    @Override
                    public void sendRedirect(String location) throws IOException {
                        super.sendRedirect(relative(location, request.getServerName()));
                    }
                });
    }

    /**
     * The path, query and fragment of a URL naming {@code ownHost} (the Host sent); other URLs as
     * they are.
     */
    static String relative(String location, String ownHost) {
        URI target;
        try {
            target = URI.create(location);
        } catch (IllegalArgumentException notAUri) {
            return location;
        }
        if (target.getRawAuthority() == null
                || target.getHost() == null
                || !target.getHost().equalsIgnoreCase(ownHost)) {
            return location;
        }
        String path =
                target.getRawPath() == null || target.getRawPath().isEmpty()
                        ? "/"
                        : target.getRawPath();
        return path
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
    }
}

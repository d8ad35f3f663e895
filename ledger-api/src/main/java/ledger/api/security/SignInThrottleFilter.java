package ledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link SignInThrottle} in front of password sign-ins (the login form and HTTP Basic): a
 * throttled attempt is answered 429 before its password is checked, and each outcome of a password
 * check is counted. Bearer tokens are not throttled: they are not guessed.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = attemptedUser(request);
        if (user != null) {
            Optional<Duration> refused = throttle.refusedFor(user, request.getRemoteAddr());
            if (refused.isPresent()) {
                long seconds = Math.max(1, (refused.get().toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                String message =
                        "登录失败次数过多，该用户或该地址暂时不能登录，请 "
                                + seconds
                                + " 秒后再试"
                                + " (too many failed sign-ins for this user or from this address; try again in "
                                + seconds
                                + " s)";
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                        || request.getHeader("Authorization") != null) {
                    SecurityConfiguration.writeProblem(response, 429, "Too Many Requests", message);
                } else {
                    response.setStatus(429);
                    response.setContentType("text/plain;charset=UTF-8");
                    response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name a request tries to sign in as (the login form or HTTP Basic), else null. */
    static String attemptedUser(HttpServletRequest request) {
        if ("POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login")) {
            String user = request.getParameter("username");
            return user == null ? "" : user;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            try {
                String decoded =
                        new String(
                                Base64.getDecoder().decode(authorization.substring(6).strip()),
                                StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return "";
            }
        }
        return null;
    }

    /** Counts what the password check decided (published by Spring Security for every attempt). */
    static ApplicationListener<AbstractAuthenticationEvent> outcomes(SignInThrottle throttle) {
        return event -> counted(throttle, event);
    }

    private static void counted(SignInThrottle throttle, AbstractAuthenticationEvent event) {
        Authentication attempt = event.getAuthentication();
        if (!(attempt instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        if (event instanceof AbstractAuthenticationFailureEvent) {
            String address =
                    attempt.getDetails() instanceof WebAuthenticationDetails web
                            ? web.getRemoteAddress()
                            : "unknown";
            throttle.failed(attempt.getName(), address);
        } else if (event instanceof AuthenticationSuccessEvent) {
            throttle.succeeded(attempt.getName());
        }
    }
}

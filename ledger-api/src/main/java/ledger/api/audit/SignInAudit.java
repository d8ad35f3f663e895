package ledger.api.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins on the page, and every failed sign-in (page or HTTP Basic), into the audit log. A
 * successful Basic check is every API call of a script, so it is not a sign-in here.
 */
@Component
public class SignInAudit {

    private final AuditLog audit;

    public SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        audit.record(
                "sign-in",
                event.getAuthentication().getName(),
                "success",
                from(event.getAuthentication()));
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        Map<String, Object> details = new LinkedHashMap<>(from(event.getAuthentication()));
        details.put("reason", event.getException().getClass().getSimpleName());
        audit.record("sign-in", event.getAuthentication().getName(), "refused", details);
    }

    private static Map<String, Object> from(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web
                        && web.getRemoteAddress() != null
                ? Map.of("from", web.getRemoteAddress())
                : Map.of();
    }
}

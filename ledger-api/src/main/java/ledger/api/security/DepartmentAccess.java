package ledger.api.security;

import java.util.Collection;
import java.util.function.Supplier;
import ledger.api.department.Departments;
import ledger.core.account.UnitCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Which departments a user may reach: authorities {@code DEPARTMENT_<code>}, or every department
 * with {@code UNIT_*}. A department granted to an auditor or approver also reaches each of its
 * units (in any year it held them). A department the user may not reach answers 403 whether or not
 * it exists, before anything is looked up.
 */
@Component
public class DepartmentAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final String PREFIX = "DEPARTMENT_";

    private final ObjectProvider<Departments> departments;

    DepartmentAccess(ObjectProvider<Departments> departments) {
        this.departments = departments;
    }

    public static String authority(String department) {
        return PREFIX + department;
    }

    public static boolean permits(Authentication authentication, String department) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        String wanted = authority(department);
        return authorities(authentication).stream()
                .anyMatch(a -> a.equals(UnitAccess.ALL_UNITS) || a.equals(wanted));
    }

    /** For a request path with a {@code {department}} variable. */
    // Spring Security 6.5 deprecates check but still declares it abstract: see UnitAccess.check.
    @SuppressWarnings("deprecation")
    @Override
    public AuthorizationDecision check(
            Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        String department = context.getVariables().get("department");
        return new AuthorizationDecision(
                department != null && permits(authentication.get(), department));
    }

    /**
     * Whether an auditor or approver reaches the unit through a department granted to them: the
     * unit belongs to it in some year. A recorder is granted units, never departments.
     */
    boolean permitsThroughDepartment(Authentication authentication, String unit) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        Collection<String> held = authorities(authentication);
        boolean reader =
                held.contains(LedgerRole.AUDITOR.authority())
                        || held.contains(LedgerRole.APPROVER.authority());
        if (!reader || held.stream().noneMatch(a -> a.startsWith(PREFIX))) {
            return false;
        }
        UnitCode code;
        try {
            code = UnitCode.of(unit);
        } catch (IllegalArgumentException notAUnit) {
            return false;
        }
        Departments registered = departments.getIfAvailable();
        if (registered == null) {
            return false;
        }
        return registered.current().all().stream()
                .filter(u -> u.unit().equals(code))
                .anyMatch(u -> held.contains(authority(u.department())));
    }

    private static Collection<String> authorities(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }
}

package ledger.api.security;

import java.util.Collection;
import java.util.function.Supplier;
import ledger.core.account.UnitCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Which units a user may reach: authorities {@code UNIT_<code>}, or {@code UNIT_*} for all. A unit
 * the user may not reach answers 403 whether or not it exists, before anything is looked up.
 */
@Component
public class UnitAccess implements AuthorizationManager<RequestAuthorizationContext> {

    public static final String ALL_UNITS = "UNIT_*";

    private final org.springframework.beans.factory.ObjectProvider<DepartmentAccess> departments;

    UnitAccess(org.springframework.beans.factory.ObjectProvider<DepartmentAccess> departments) {
        this.departments = departments;
    }

    public static String authority(String unit) {
        return "*".equals(unit) ? ALL_UNITS : "UNIT_" + unit;
    }

    public static boolean permits(Authentication authentication, String unit) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        String wanted = "UNIT_" + unit;
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(ALL_UNITS) || a.equals(wanted));
    }

    /** For a request path with a {@code {unit}} variable. */
    // Spring Security 6.5 deprecates check but still declares it abstract (authorize calls it), so
    // implementing it cannot avoid the warning; drop this when 7 makes authorize the abstract one.
    @SuppressWarnings("deprecation")
    @Override
    public AuthorizationDecision check(
            Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        String unit = context.getVariables().get("unit");
        if (unit == null) {
            return new AuthorizationDecision(false);
        }
        DepartmentAccess throughDepartment = departments.getIfAvailable();
        return new AuthorizationDecision(
                permits(authentication.get(), unit)
                        || throughDepartment != null
                                && throughDepartment.permitsThroughDepartment(
                                        authentication.get(), unit));
    }

    /** For a unit named in a request body or a file: the current user must reach it. */
    public void require(UnitCode unit) {
        if (!permits(SecurityContextHolder.getContext().getAuthentication(), unit.code())) {
            throw new AccessDeniedException("not permitted for unit " + unit);
        }
    }

    /** True when the current user may reach the unit (false when nobody is signed in). */
    public boolean currentUserPermits(String unit) {
        return permits(SecurityContextHolder.getContext().getAuthentication(), unit);
    }
}

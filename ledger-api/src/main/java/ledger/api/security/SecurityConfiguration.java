package ledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ledger.api.security.LedgerSecurityProperties.ConfiguredUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every call and page needs an authenticated user. The API answers 401/403 as RFC 7807 problems;
 * pages send the user to a login form. Roles decide what kind of thing a user may do, unit grants
 * which units; see {@link LedgerRole} and {@link UnitAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class SecurityConfiguration {

    private static final String RECORDER = LedgerRole.RECORDER.name();
    private static final String APPROVER = LedgerRole.APPROVER.name();
    private static final String AUDITOR = LedgerRole.AUDITOR.name();

    /**
     * Scripts, styles, images and requests from the ledger itself only; ECharts draws SVG with the
     * script file served from here, and no page has an inline script or style.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self';"
                    + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
                    + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain ledgerSecurity(
            HttpSecurity http,
            LedgerSecurityProperties properties,
            UnitAccess units,
            DepartmentAccess departments,
            RoleHierarchy hierarchy,
            SignInThrottle signInThrottle)
            throws Exception {
        AuthorityAuthorizationManager<
                        org.springframework.security.web.access.intercept
                                .RequestAuthorizationContext>
                approver = AuthorityAuthorizationManager.hasRole(APPROVER);
        approver.setRoleHierarchy(hierarchy);
        var recorder =
                AuthorityAuthorizationManager
                        .<org.springframework.security.web.access.intercept
                                        .RequestAuthorizationContext>
                                hasAnyRole(RECORDER, APPROVER);
        recorder.setRoleHierarchy(hierarchy);
        var anyRole =
                AuthorityAuthorizationManager
                        .<org.springframework.security.web.access.intercept
                                        .RequestAuthorizationContext>
                                hasAnyRole(RECORDER, APPROVER, AUDITOR);
        var reader =
                AuthorityAuthorizationManager
                        .<org.springframework.security.web.access.intercept
                                        .RequestAuthorizationContext>
                                hasAnyRole(APPROVER, AUDITOR);
        http.authorizeHttpRequests(
                requests ->
                        requests
                                // A department's consolidated statements: auditors and approvers
                                // granted it (or every unit).
                                .requestMatchers(
                                        HttpMethod.POST,
                                        "/api/departments/{department}/years/{year}/close")
                                .access(AuthorizationManagers.allOf(approver, departments))
                                // The department's year close page, its confirmation included.
                                .requestMatchers("/departments/{department}/years/{year}/close")
                                .access(AuthorizationManagers.allOf(approver, departments))
                                .requestMatchers(
                                        "/api/departments/{department}/**",
                                        "/departments/{department}/**")
                                .access(AuthorizationManagers.allOf(reader, departments))
                                .requestMatchers(
                                        HttpMethod.POST, "/api/units/{unit}/years/{year}/close")
                                .access(AuthorizationManagers.allOf(approver, units))
                                // The year close page, its confirmation included: approvers;
                                // recording and reversing: recorders.
                                .requestMatchers("/units/{unit}/years/{year}/close")
                                .access(AuthorizationManagers.allOf(approver, units))
                                .requestMatchers("/units/{unit}/years/{year}/record")
                                .access(AuthorizationManagers.allOf(recorder, units))
                                .requestMatchers(HttpMethod.POST, "/events/{eventId}/reverse")
                                .access(recorder)
                                .requestMatchers("/api/units/{unit}/**", "/units/{unit}/**")
                                .access(AuthorizationManagers.allOf(anyRole, units))
                                // Loading a 科目表 changes what a whole year accepts: approvers only;
                                // reading it, any role.
                                .requestMatchers(HttpMethod.POST, "/api/catalog/**")
                                .access(approver)
                                .requestMatchers("/catalog", "/catalog/**")
                                .access(approver)
                                // Registering departments decides which units a transfer joins and
                                // a department sums.
                                .requestMatchers(
                                        HttpMethod.POST, "/api/departments", "/api/departments/**")
                                .access(approver)
                                .requestMatchers("/departments", "/departments/**")
                                .access(approver)
                                .requestMatchers(
                                        HttpMethod.POST,
                                        "/api/transactions",
                                        "/api/journals",
                                        "/journals/**",
                                        "/upload/**")
                                .access(recorder)
                                .requestMatchers(
                                        "/login",
                                        "/error",
                                        "/css/**",
                                        "/js/**",
                                        "/webjars/**",
                                        "/favicon.ico")
                                .permitAll()
                                .anyRequest()
                                .access(anyRole));
        // A browser attaches the session cookie to a cross-site form post by itself, so a write
        // signed
        // in by the cookie needs the page's CSRF token. It never adds an Authorization header
        // cross-site by itself (that needs a CORS preflight, which the ledger does not grant), so
        // API
        // clients sending their credentials with each call need no token.
        String credentials =
                properties.mode() == LedgerSecurityProperties.Mode.JWT ? "bearer " : "basic ";
        // An API request without a session cannot be signed in by a cookie: it is answered 401 as
        // before.
        RequestMatcher apiCalls = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.csrf(
                csrf ->
                        csrf.ignoringRequestMatchers(
                                request ->
                                        sendsOwnCredentials(request, credentials)
                                                || apiCalls.matches(request)
                                                        && request.getSession(false) == null));
        // Spring Security builds some redirects (to the login form, back to the page first asked
        // for) from the request's Host header, which the client chooses: they go out as paths.
        http.addFilterBefore(new RelativeRedirects(), DisableEncodeUrlFilter.class);
        http.headers(
                headers ->
                        headers.contentSecurityPolicy(
                                        csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                                .referrerPolicy(
                                        referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        // A browser that follows a link into the API (a workbook download, say) gets pages, never
        // JSON:
        // the sign-in form when not signed in, the 403 page when refused. API clients keep
        // problems.
        RequestMatcher browserInApi =
                request -> apiCalls.matches(request) && BrowserRequests.isBrowser(request);
        http.exceptionHandling(
                errors ->
                        errors.defaultAuthenticationEntryPointFor(
                                        new LoginUrlAuthenticationEntryPoint("/login"),
                                        browserInApi)
                                .defaultAccessDeniedHandlerFor(
                                        new AccessDeniedHandlerImpl(), browserInApi)
                                .defaultAuthenticationEntryPointFor(
                                        problemEntryPoint(),
                                        PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                                .defaultAccessDeniedHandlerFor(
                                        problemAccessDenied(),
                                        PathPatternRequestMatcher.withDefaults()
                                                .matcher("/api/**")));
        if (properties.mode() == LedgerSecurityProperties.Mode.JWT) {
            http.oauth2ResourceServer(
                    server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtUser())));
        } else {
            // A wrong password on the API is a problem like any other 401, not a bare status.
            http.httpBasic(basic -> basic.authenticationEntryPoint(wrongCredentials()));
            http.formLogin(form -> form.loginPage("/login").permitAll());
            http.addFilterBefore(
                    new SignInThrottleFilter(signInThrottle),
                    UsernamePasswordAuthenticationFilter.class);
        }
        return http.build();
    }

    /**
     * Whether a request carries its own credentials of the kind configured ({@code basic } or
     * {@code bearer }).
     */
    static boolean sendsOwnCredentials(HttpServletRequest request, String scheme) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(scheme);
    }

    @Bean
    static SignInThrottle signInThrottle(
            @Value(
                            "${ledger.security.sign-in-throttle.free-failures:"
                                    + SignInThrottle.FREE_FAILURES
                                    + "}")
                    int freeFailures) {
        return new SignInThrottle(Clock.systemUTC(), freeFailures);
    }

    @Bean
    static ApplicationListener<AbstractAuthenticationEvent> signInOutcomes(
            SignInThrottle signInThrottle) {
        return SignInThrottleFilter.outcomes(signInThrottle);
    }

    /** An approver may do whatever a recorder may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_" + APPROVER + " > ROLE_" + RECORDER);
    }

    /**
     * Hashes as configured ({bcrypt}…), with successful checks remembered briefly: see {@link
     * RememberedPasswordChecks}.
     */
    @Bean
    PasswordEncoder passwordEncoder(LedgerSecurityProperties properties) {
        return new RememberedPasswordChecks(
                PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                properties.rememberPasswords().ttl(),
                properties.rememberPasswords().maxEntries(),
                Clock.systemUTC());
    }

    /**
     * The configured users (mode users); their passwords are stored as hashes. A user whose
     * password is one of the published demo passwords is left out unless the {@code demo} profile
     * is on.
     */
    @Bean
    UserDetailsService ledgerUsers(LedgerSecurityProperties properties, Environment environment) {
        boolean demo = environment.acceptsProfiles(Profiles.of(DemoUsers.PROFILE));
        List<UserDetails> users = new ArrayList<>();
        for (ConfiguredUser user : properties.users()) {
            if (user.password() == null || !user.password().startsWith("{")) {
                throw new IllegalStateException(
                        "ledger.security.users: the password of "
                                + user.name()
                                + " must be stored as a hash such as {bcrypt}$2a$10$…, never in clear");
            }
            if (!demo && DemoUsers.hasDemoPassword(user.password())) {
                DemoUsers.refused(user.name());
                continue;
            }
            users.add(
                    User.withUsername(user.name())
                            .password(user.password())
                            .authorities(
                                    authorities(user.roles(), user.units(), user.departments()))
                            .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    static List<GrantedAuthority> authorities(
            Collection<String> roles, Collection<String> units, Collection<String> departments) {
        List<GrantedAuthority> authorities = authorities(roles, units);
        for (String department : departments == null ? List.<String>of() : departments) {
            authorities.add(
                    new SimpleGrantedAuthority(DepartmentAccess.authority(department.strip())));
        }
        return authorities;
    }

    static List<GrantedAuthority> authorities(Collection<String> roles, Collection<String> units) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : roles == null ? List.<String>of() : roles) {
            authorities.add(new SimpleGrantedAuthority(LedgerRole.parse(role).authority()));
        }
        for (String unit : units == null ? List.<String>of() : units) {
            authorities.add(new SimpleGrantedAuthority(UnitAccess.authority(unit.strip())));
        }
        return authorities;
    }

    /** Bearer tokens: roles from the claim {@code roles}, units from the claim {@code units}. */
    static Converter<Jwt, AbstractAuthenticationToken> jwtUser() {
        return jwt -> {
            List<GrantedAuthority> authorities =
                    authorities(
                            claim(jwt, "roles"), claim(jwt, "units"), claim(jwt, "departments"));
            String name =
                    jwt.hasClaim("preferred_username")
                            ? jwt.getClaimAsString("preferred_username")
                            : jwt.getSubject();
            return new JwtAuthenticationToken(jwt, authorities, name);
        };
    }

    private static List<String> claim(Jwt jwt, String name) {
        List<String> values = jwt.getClaimAsStringList(name);
        return values == null ? List.of() : values;
    }

    private static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ledger\", Bearer");
            writeProblem(
                    response,
                    401,
                    "Unauthorized",
                    "sign in: this ledger answers authenticated users only");
        };
    }

    private static AuthenticationEntryPoint wrongCredentials() {
        BasicAuthenticationEntryPoint pages = new BasicAuthenticationEntryPoint();
        pages.setRealmName("ledger");
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        AuthenticationEntryPoint problem = problemEntryPoint();
        return (request, response, failure) -> {
            if (api.matches(request)) {
                problem.commence(request, response, failure);
            } else {
                pages.commence(request, response, failure);
            }
        };
    }

    private static AccessDeniedHandler problemAccessDenied() {
        return (request, response, denied) ->
                writeProblem(
                        response,
                        403,
                        "Forbidden",
                        denied instanceof CsrfException
                                ? "跨站请求被拒绝：以浏览器会话登录的写操作须带页面给出的 CSRF 令牌；API 客户端请在每次调用时用 HTTP Basic"
                                        + " 或 Bearer 凭据 (cross-site request refused: a write signed in by the session cookie"
                                        + " needs the page's CSRF token; API clients send Basic or Bearer credentials)"
                                : "not permitted: your role or your units do not allow this");
    }

    static void writeProblem(
            jakarta.servlet.http.HttpServletResponse response,
            int status,
            String title,
            String detail)
            throws java.io.IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        new ObjectMapper().writeValue(response.getOutputStream(), problem);
    }
}

package ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import ledger.api.LedgerApplication;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The ledger outside the demo profile, as a production start on PostgreSQL runs it: a user
 * configured with a published demo password cannot sign in; password guessing is throttled per user
 * name and per address (429 with a Chinese message, even for the right password, until the delay
 * has passed), and every failed sign-in is logged with the user and the address, never the
 * password.
 */
// The default throttle (the tests' own configuration relaxes it for the many wrong passwords they
// send).
@SpringBootTest(
        classes = LedgerApplication.class,
        properties = {
            "spring.profiles.active=production",
            "ledger.security.sign-in-throttle.free-failures=" + SignInThrottle.FREE_FAILURES
        })
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SignInThrottleIT {

    private static final String URL = TestDatabase.create("signin");

    /** The demo clerk's hash, as application-demo.yml ships it. */
    private static final String CLERK_DEMO_HASH =
            "{bcrypt}$2a$10$Y1Ry24qBeLrEcCkajpVYRuGtVGcEYjgERmghbPYY9bvRAbyX7HD8m";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        user(registry, 0, "wang", "{bcrypt}" + bcrypt.encode("wang-secret-1"), "approver");
        user(registry, 1, "li", "{bcrypt}" + bcrypt.encode("li-secret-2"), "auditor");
        user(registry, 2, "clerk", CLERK_DEMO_HASH, "recorder");
    }

    private static void user(
            DynamicPropertyRegistry registry, int index, String name, String hash, String role) {
        String prefix = "ledger.security.users[" + index + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "password", () -> hash);
        registry.add(prefix + "roles", () -> role);
        registry.add(prefix + "units", () -> "*");
    }

    @Autowired MockMvc mvc;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listenToTheLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(SignInThrottle.class)).addAppender(log);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(SignInThrottle.class)).detachAppender(log);
    }

    @Test
    void aDemoPasswordCannotSignInOutsideTheDemoProfile() throws Exception {
        assertThat(status(basic("clerk", "clerk-demo", "10.1.0.1"))).isEqualTo(401);
        assertThat(status(basic("li", "li-secret-2", "10.1.0.2"))).isEqualTo(200);
    }

    @Test
    void afterFiveWrongPasswordsOfOneUserEvenTheRightOneWaitsWith429() throws Exception {
        for (int attempt = 1; attempt <= SignInThrottle.FREE_FAILURES; attempt++) {
            assertThat(status(basic("wang", "wrong-guess-" + attempt, "10.2.0." + attempt)))
                    .isEqualTo(401);
        }
        MvcResult refused = perform(basic("wang", "wang-secret-1", "10.2.0.9"));
        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("登录失败次数过多");
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After")))
                .isBetween(1L, 30L);
        // the login form is the same door
        MvcResult form =
                perform(
                        post("/login")
                                .param("username", "wang")
                                .param("password", "wang-secret-1")
                                .with(csrf())
                                .with(from("10.2.0.10")));
        assertThat(form.getResponse().getStatus()).isEqualTo(429);
        assertThat(form.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("登录失败次数过多");

        assertThat(log.list).hasSize(SignInThrottle.FREE_FAILURES);
        assertThat(log.list)
                .allSatisfy(
                        event ->
                                assertThat(event.getFormattedMessage())
                                        .contains("sign-in failed", "user 'wang'")
                                        .doesNotContain("wrong-guess", "secret"));
        assertThat(log.list.get(2).getFormattedMessage())
                .contains("from 10.2.0.3", "3 failures of this user");
    }

    @Test
    void afterFiveFailuresFromOneAddressEveryUserThereWaitsButNotElsewhere() throws Exception {
        for (int attempt = 1; attempt <= SignInThrottle.FREE_FAILURES; attempt++) {
            assertThat(status(basic("guess" + attempt, "password", "10.3.0.1"))).isEqualTo(401);
        }
        assertThat(status(basic("li", "li-secret-2", "10.3.0.1"))).isEqualTo(429);
        assertThat(status(basic("li", "li-secret-2", "10.3.0.2"))).isEqualTo(200);
        assertThat(log.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .allSatisfy(message -> assertThat(message).contains("from 10.3.0.1"))
                .last()
                .asString()
                .contains("5 from this address");
    }

    private MockHttpServletRequestBuilder basic(String user, String password, String address) {
        return get("/v3/api-docs").with(httpBasic(user, password)).with(from(address));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(
            String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return perform(request).getResponse().getStatus();
    }

    private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }
}

package ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ledger.api.LedgerApplication;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What another web site can make a signed-in browser do, on the real server over HTTP: a form on a
 * foreign origin posting with the victim's session cookie (obtained here by signing in at the login
 * form) is refused and writes nothing; the same calls with HTTP Basic credentials, or from the
 * ledger's own pages with their CSRF token, go through. Also the headers every answer carries
 * (Content-Security-Policy, Referrer-Policy, a SameSite=Strict session cookie) and that a forged
 * Host header never comes back in a redirect or in the OpenAPI document.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CrossSiteIT {

    private static final String URL = TestDatabase.create("crosssite");
    private static final String UNIT = "cross-site-unit";
    private static final String FOREIGN = "http://evil.example";
    private static final String JOURNAL =
            "id,date,kind,unit,unit_name,fund,functional,economic,nature,amount\n"
                    + "CS-1,2019-01-02,appropriation,"
                    + UNIT
                    + ",跨站测试单位,other,2010301,30201,,100.00\n";
    private static final Pattern CSRF_FIELD =
            Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The approver's session cookie ({@code JSESSIONID=…}), from signing in at the login form. */
    private String session;

    private HttpResponse<String> signedIn;

    @BeforeAll
    void signInAtTheLoginForm() throws Exception {
        // Something to close: the unit's 2019 journal, recorded by an API client.
        HttpResponse<String> imported =
                send(
                        basic(request("/api/journals"), "approver")
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofString(JOURNAL))
                                .build());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        HttpResponse<String> loginPage = send(request("/login").GET().build());
        String token = csrfToken(loginPage);
        String form =
                "username=approver&password=approver-demo&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8);
        signedIn =
                send(
                        request("/login")
                                .header("Cookie", cookie(loginPage))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        session = cookie(signedIn);
        // The cookie signs a browser in: a page answers, not the login form.
        HttpResponse<String> home = send(request("/").header("Cookie", session).GET().build());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("approver");
    }

    @Test
    @Order(1)
    void theSessionCookieIsSameSiteStrictAndHttpOnly() {
        String setCookie =
                signedIn.headers().allValues("Set-Cookie").stream()
                        .filter(value -> value.startsWith("JSESSIONID="))
                        .findFirst()
                        .orElseThrow();
        assertThat(setCookie)
                .containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("HttpOnly");
    }

    @Test
    @Order(2)
    void aForeignFormClosingAYearWithTheSessionCookieIsRefusedAndWritesNothing() throws Exception {
        long before = eventCount();
        HttpResponse<String> closed =
                send(
                        fromForeignSite("/api/units/" + UNIT + "/years/2019/close")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(""))
                                .build());
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(403);
        assertThat(closed.body()).contains("CSRF", "跨站请求被拒绝");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(yearClosed()).isFalse();
    }

    @Test
    @Order(3)
    void aForeignTextPlainJournalWithTheSessionCookieIsRefusedAndWritesNothing() throws Exception {
        long before = eventCount();
        HttpResponse<String> posted =
                send(
                        fromForeignSite("/api/journals")
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString(journal2020("CS-2")))
                                .build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aForeignMultipartJournalWithTheSessionCookieIsRefusedAndWritesNothing() throws Exception {
        long before = eventCount();
        String boundary = "----foreign" + System.nanoTime();
        String body =
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"j.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n"
                        + journal2020("CS-3")
                        + "\r\n--"
                        + boundary
                        + "--\r\n";
        HttpResponse<String> posted =
                send(
                        fromForeignSite("/api/journals")
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void theLedgersOwnPageWithItsCsrfTokenStillWritesWithTheSessionCookie() throws Exception {
        HttpResponse<String> uploadPage =
                send(request("/upload/journal").header("Cookie", session).GET().build());
        assertThat(uploadPage.statusCode()).isEqualTo(200);
        String token = csrfToken(uploadPage);
        long before = eventCount();
        HttpResponse<String> posted =
                send(
                        request("/api/journals")
                                .header("Cookie", session)
                                .header("X-CSRF-TOKEN", token)
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString(journal2020("CS-4")))
                                .build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(eventCount()).isGreaterThan(before);
    }

    @Test
    @Order(6)
    void anApiClientWithBasicCredentialsNeedsNoTokenEvenFromAnotherOrigin() throws Exception {
        long before = eventCount();
        HttpResponse<String> posted =
                send(
                        basic(request("/api/journals"), "approver")
                                .header("Origin", FOREIGN)
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString(journal2020("CS-5")))
                                .build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(eventCount()).isGreaterThan(before);

        long beforeClose = eventCount();
        HttpResponse<String> closed =
                send(
                        basic(
                                        request(
                                                "/api/units/"
                                                        + UNIT
                                                        + "/years/2019/close?date=2020-01-05"),
                                        "approver")
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build());
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(eventCount()).isGreaterThan(beforeClose);
        assertThat(yearClosed()).isTrue();
    }

    @Test
    @Order(7)
    void pagesAndApiAnswersCarryAContentSecurityPolicyAndAReferrerPolicy() throws Exception {
        for (HttpResponse<String> response :
                List.of(
                        send(request("/").header("Cookie", session).GET().build()),
                        send(request("/login").GET().build()),
                        send(
                                basic(
                                                request(
                                                        "/api/units/"
                                                                + UNIT
                                                                + "/years/2019/checks"),
                                                "auditor")
                                        .GET()
                                        .build()))) {
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(response.uri().toString())
                    .hasValueSatisfying(
                            policy ->
                                    assertThat(policy)
                                            .startsWith("default-src 'self'")
                                            .contains(
                                                    "script-src 'self'",
                                                    "object-src 'none'",
                                                    "frame-ancestors 'none'")
                                            .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(response.uri().toString())
                    .hasValue("same-origin");
        }
    }

    @Test
    @Order(8)
    void aForgedHostHeaderNeverComesBackInARedirectOrTheApiDocument() throws Exception {
        String forged = "forged.example:6666";
        String toLogin =
                raw(
                        "GET /units/"
                                + UNIT
                                + "/years/2019 HTTP/1.1\r\nHost: "
                                + forged
                                + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertThat(toLogin).startsWith("HTTP/1.1 302");
        assertThat(location(toLogin)).isEqualTo("/login");

        // after signing in, back to the page first asked for: still a path, not the forged host
        String asked =
                raw(
                        "GET /units/"
                                + UNIT
                                + "/years/2019/statements HTTP/1.1\r\nHost: "
                                + forged
                                + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        String visitor = setCookie(asked);
        String loginPage =
                raw(
                        "GET /login HTTP/1.1\r\nHost: "
                                + forged
                                + "\r\nCookie: "
                                + visitor
                                + "\r\nConnection: close\r\n\r\n");
        Matcher token = CSRF_FIELD.matcher(loginPage);
        assertThat(token.find()).isTrue();
        String form =
                "username=approver&password=approver-demo&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        String back =
                raw(
                        "POST /login HTTP/1.1\r\nHost: "
                                + forged
                                + "\r\nCookie: "
                                + visitor
                                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                                + form.getBytes(StandardCharsets.UTF_8).length
                                + "\r\nConnection: close\r\n\r\n"
                                + form);
        assertThat(back).startsWith("HTTP/1.1 302");
        assertThat(location(back))
                .startsWith("/units/" + UNIT + "/years/2019/statements")
                .doesNotContain("forged");

        String credentials =
                Base64.getEncoder()
                        .encodeToString("auditor:auditor-demo".getBytes(StandardCharsets.UTF_8));
        String apiDocs =
                raw(
                        "GET /v3/api-docs HTTP/1.1\r\nHost: "
                                + forged
                                + "\r\nX-Forwarded-Host: "
                                + forged
                                + "\r\nForwarded: host="
                                + forged
                                + "\r\nAuthorization: Basic "
                                + credentials
                                + "\r\nConnection: close\r\n\r\n");
        assertThat(apiDocs)
                .startsWith("HTTP/1.1 200")
                .contains("\"servers\"")
                .doesNotContain("forged");
    }

    /** A journal of one row in 2020, a year no test closes: refused only for how it was sent. */
    private static String journal2020(String id) {
        return JOURNAL.replace("CS-1", id).replace("2019-01-02", "2020-01-03");
    }

    private HttpRequest.Builder fromForeignSite(String path) {
        return request(path)
                .header("Cookie", session)
                .header("Origin", FOREIGN)
                .header("Referer", FOREIGN + "/");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpRequest.Builder basic(HttpRequest.Builder request, String demoUser) {
        return request.header(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (demoUser + ":" + demoUser + "-demo")
                                                .getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest request)
            throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String csrfToken(HttpResponse<String> page) {
        Matcher token = CSRF_FIELD.matcher(page.body());
        assertThat(token.find()).as("a CSRF token in " + page.uri()).isTrue();
        return token.group(1);
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .map(value -> value.split(";")[0])
                .findFirst()
                .orElseThrow();
    }

    /** One request written byte for byte, so that the Host header is whatever the test says. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String location(String response) {
        return header(response, "Location");
    }

    private static String setCookie(String response) {
        return header(response, "Set-Cookie").split(";")[0];
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        throw new AssertionError("no " + name + " header in:\n" + response);
    }

    private long eventCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private boolean yearClosed() {
        List<Boolean> closed =
                jdbc.queryForList(
                        "SELECT closed FROM ledger_year WHERE unit = ? AND fiscal_year = 2019",
                        Boolean.class,
                        UNIT);
        return !closed.isEmpty() && closed.get(0);
    }
}

package ledger.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What the HTTP tests share: running a request, reading its JSON, and checking a refusal wrote
 * nothing.
 */
public final class ApiSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The configured demo approver: every unit, records and closes years (application-demo.yml,
     * profile demo, which the tests turn on in config/application.properties).
     */
    static final String USER = "approver";

    private static final String PASSWORD = "approver-demo";

    /**
     * MockMvc on the whole application, security filters included, every request signed in as
     * {@link #USER}.
     */
    public static MockMvc signedIn(WebApplicationContext application) {
        return MockMvcBuilders.webAppContextSetup(application)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .defaultRequest(
                        MockMvcRequestBuilders.get("/")
                                .with(
                                        SecurityMockMvcRequestPostProcessors.httpBasic(
                                                USER, PASSWORD)))
                .build();
    }

    private final MockMvc mvc;
    private final JdbcTemplate jdbc;

    ApiSupport(MockMvc mvc, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** A JSON object from alternating names and values. */
    static String object(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    MvcResult perform(RequestBuilder request) {
        try {
            return mvc.perform(request).andReturn();
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    public static String body(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    static JsonNode json(MvcResult result) {
        try {
            return JSON.readTree(body(result));
        } catch (java.io.IOException e) {
            throw new AssertionError(
                    "not JSON (" + result.getResponse().getStatus() + "): " + body(result), e);
        }
    }

    /** Events in the store, by plain SQL. */
    long eventCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Runs a request that must be refused: the status, an RFC 7807 body naming {@code field} with a
     * reason containing {@code reason}, and not one event more in the store.
     *
     * @return the problem, for further checks
     */
    JsonNode refused(RequestBuilder request, int status, String field, String reason) {
        long before = eventCount();
        MvcResult result = perform(request);
        String body = body(result);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        assertThat(result.getResponse().getContentType())
                .as(body)
                .startsWith("application/problem+json");
        JsonNode problem = json(result);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("title").textValue()).isNotBlank();
        assertThat(problem.get("type").textValue()).startsWith("urn:ledger:");
        assertThat(problem.get("detail").textValue()).contains(field).contains(reason);
        assertThat(problem.get("problems")).as(body).isNotEmpty();
        assertThat(problem.get("problems"))
                .as(body)
                .anySatisfy(
                        entry -> {
                            assertThat(entry.get("field").textValue()).isEqualTo(field);
                            assertThat(entry.get("reason").textValue()).contains(reason);
                        });
        assertThat(eventCount()).as("events after a refused request").isEqualTo(before);
        return problem;
    }
}

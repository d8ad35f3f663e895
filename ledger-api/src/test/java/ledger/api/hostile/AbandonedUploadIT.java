package ledger.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.support.TestDatabase;
import ledger.core.journal.JournalProblemList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A large bad journal must not tie the server up: a client that hangs up in the middle of its file
 * stops the work at once, and a file of many bad rows is answered with a bounded list of problems
 * and the count of the rest. Over a real socket, since the point is what the server does when the
 * connection goes away.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AbandonedUploadIT {

    private static final String URL = TestDatabase.create("abandoned");
    private static final String HEADER = "id,date,kind,unit,fund,functional,economic,amount\n";
    private static final String AUTHORIZATION =
            "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    "approver:approver-demo".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @LocalServerPort int port;
    @Autowired JournalImport journalImport;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aClientThatHangsUpInTheMiddleOfAFileStopsTheWorkAndTheServerAnswersTheNextRequest()
            throws Exception {
        // Goal: the hang-up ends the import (counted as abandoned, nothing left running, nothing
        // written), rather than the cut-off file being checked, refused and answered to no one.
        long abandonedBefore = journalImport.uploadsAbandoned();
        long events = count("domain_event_entry");
        byte[] rows = badRows(100_000).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST /api/journals HTTP/1.1\r\nHost: 127.0.0.1:"
                                    + port
                                    + "\r\nAuthorization: "
                                    + AUTHORIZATION
                                    + "\r\nContent-Type: text/csv\r\nContent-Length: "
                                    + (rows.length * 10L)
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.write(rows);
            out.flush();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while ((journalImport.uploadsAbandoned() == abandonedBefore
                        || journalImport.uploadsInProgress() > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(journalImport.uploadsAbandoned())
                .as("uploads abandoned")
                .isEqualTo(abandonedBefore + 1);
        assertThat(journalImport.uploadsInProgress()).as("uploads still being worked on").isZero();
        assertThat(count("domain_event_entry")).isEqualTo(events);

        HttpResponse<String> next =
                post(HEADER + "G-1,2020-03-01,budget,abandon-unit,general,2010301,30101,1.00\n");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(count("domain_event_entry")).isGreaterThan(events);
    }

    @Test
    void aFileOfManyBadRowsIsAnsweredWithTheFirstThousandProblemsAndTheCountOfTheRest()
            throws Exception {
        long events = count("domain_event_entry");
        HttpResponse<String> response = post(badRows(20_000));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode problems = JSON.readTree(response.body()).path("problems");
        assertThat(problems.size()).isEqualTo(JournalProblemList.LISTED_AT_MOST + 1);
        assertThat(problems.get(0).path("line").asInt()).isEqualTo(2);
        assertThat(problems.get(0).path("field").asText()).isEqualTo("amount");
        JsonNode summary = problems.get(JournalProblemList.LISTED_AT_MOST);
        assertThat(summary.path("line").asInt()).isEqualTo(1_002);
        assertThat(summary.path("field").asText()).isEqualTo("file");
        assertThat(summary.path("reason").asText()).startsWith("另有 19000 行被拒绝，未逐一列出");
        assertThat(count("domain_event_entry")).isEqualTo(events);
    }

    /** Rows that each fail on their amount alone. */
    private static String badRows(int count) {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < count; i++) {
            text.append("B-")
                    .append(i)
                    .append(",2020-03-01,budget,abandon-unit,general,2010301,30101,-1\n");
        }
        return text.toString();
    }

    private HttpResponse<String> post(String csv) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/journals"))
                        .header("Authorization", AUTHORIZATION)
                        .header("Content-Type", "text/csv")
                        .header("Accept", "application/json, application/problem+json")
                        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                        .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }
}

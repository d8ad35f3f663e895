package ledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import ledger.api.LedgerApplication;
import ledger.api.recording.JournalImport;
import ledger.api.recording.JournalRefused;
import ledger.api.recording.PostingAnswer;
import ledger.api.recording.TransactionRecorder;
import ledger.api.recording.YearCloser;
import ledger.api.support.TestDatabase;
import ledger.core.account.FiscalYear;
import ledger.core.account.UnitCode;
import ledger.journal.JournalReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sign-ins, imports, year closes and refused writes each leave one JSON line with the user on the
 * logger ledger.audit.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = LedgerApplication.class)
class AuditLogIT {

    private static final String URL = TestDatabase.create("auditlog");
    private static final String HEADER =
            "id,date,kind,unit,unit_name,fund,functional,economic,nature,amount\n";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.use(registry, URL);
    }

    @Autowired WebApplicationContext application;
    @Autowired JournalImport imports;
    @Autowired TransactionRecorder recorder;
    @Autowired YearCloser closer;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void listen() {
        log.start();
        ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER)).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER)).detachAppender(log);
    }

    @Test
    void aSignInOnThePageAndAFailedOneAreLoggedWithTheUserAndNeverThePassword() throws Exception {
        MockMvc mvc =
                MockMvcBuilders.webAppContextSetup(application).apply(springSecurity()).build();
        mvc.perform(formLogin("/login").user("clerk").password("clerk-demo"));
        mvc.perform(formLogin("/login").user("auditor").password("wrong-guess-7"));

        List<JsonNode> lines = lines();
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(fields(line))
                                        .containsExactly("sign-in", "clerk", "success"));
        assertThat(lines)
                .anySatisfy(
                        line -> {
                            assertThat(fields(line))
                                    .containsExactly("sign-in", "auditor", "refused");
                            assertThat(line.get("reason").asText())
                                    .isEqualTo("BadCredentialsException");
                        });
        assertThat(log.list)
                .noneSatisfy(
                        event ->
                                assertThat(event.getFormattedMessage())
                                        .contains("wrong-guess", "demo"));
    }

    @Test
    void anImportARefusedImportARefusedWriteAndAYearCloseAreLogged() {
        String unit = "audit-unit";
        imports.importJournal(
                csv(
                        "A-1,2021-01-04,appropriation,"
                                + unit
                                + ",审计日志测试单位,other,2010301,30201,,500.00\n"),
                "good.csv",
                "clerk");
        assertThatThrownBy(
                        () ->
                                imports.importJournal(
                                        csv(
                                                "A-2,2021-13-01,appropriation,"
                                                        + unit
                                                        + ",,general,2010301,30201,,1.00\n"),
                                        "bad.csv",
                                        "clerk"))
                .isInstanceOf(JournalRefused.class);
        PostingAnswer refused =
                recorder.post(
                        new JournalReader()
                                .read(
                                        csv(
                                                "A-3,2021-02-01,expenditure,"
                                                        + unit
                                                        + ",,other,2010301,30201,public,9999.00\n"))
                                .rows()
                                .get(0),
                        "clerk");
        assertThat(refused).isInstanceOf(PostingAnswer.Refused.class);
        closer.close(
                UnitCode.of(unit), FiscalYear.of(2021), LocalDate.of(2021, 12, 31), "approver");

        List<JsonNode> lines = lines();
        assertThat(lines)
                .extracting(AuditLogIT::fields)
                .containsExactly(
                        List.of("import", "clerk", "success"),
                                List.of("import", "clerk", "refused"),
                        List.of("record", "clerk", "refused"),
                                List.of("close", "approver", "success"));
        assertThat(lines.get(0).get("source").asText()).isEqualTo("good.csv");
        assertThat(lines.get(0).get("new").asInt()).isEqualTo(1);
        assertThat(lines.get(1).get("problems").asInt()).isEqualTo(1);
        assertThat(lines.get(2).get("transactionId").asText()).isEqualTo("A-3");
        assertThat(lines.get(2).get("reasons").toString()).contains("amount");
        assertThat(lines.get(3).get("unit").asText()).isEqualTo(unit);
        assertThat(lines.get(3).get("year").asInt()).isEqualTo(2021);
        assertThat(lines)
                .allSatisfy(
                        line ->
                                assertThat(line.get("at").asText())
                                        .matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));
    }

    private static ByteArrayInputStream csv(String rows) {
        return new ByteArrayInputStream((HEADER + rows).getBytes(StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() {
        return log.list.stream()
                .map(
                        event -> {
                            try {
                                return json.readTree(event.getFormattedMessage());
                            } catch (Exception notJson) {
                                throw new AssertionError(
                                        "not one JSON object: " + event.getFormattedMessage(),
                                        notJson);
                            }
                        })
                .toList();
    }

    private static List<String> fields(JsonNode line) {
        return List.of(
                line.get("action").asText(),
                line.get("user").asText(),
                line.get("outcome").asText());
    }
}

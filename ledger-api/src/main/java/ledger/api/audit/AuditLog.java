package ledger.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an operator must be able to reconstruct of who did what: each sign-in, import, year close
 * and refused write as one JSON object per line on the logger {@code ledger.audit}, with the user.
 * The events themselves name their user too; this covers what leaves no event (a refusal, a
 * sign-in, a failed attempt), in a form log collectors parse without patterns.
 */
@Component
public class AuditLog {

    public static final String LOGGER = "ledger.audit";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public AuditLog() {
        this(Clock.systemUTC());
    }

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * One line: {@code {"at":…,"action":…,"user":…,"outcome":…, details…}}.
     *
     * @param action sign-in, import, record, close
     * @param outcome success, refused, failed
     */
    public void record(String action, String user, String outcome, Map<String, ?> details) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", Instant.now(clock).toString());
        line.put("action", action);
        line.put("user", user);
        line.put("outcome", outcome);
        line.putAll(details);
        try {
            log.info(json.writeValueAsString(line));
        } catch (JsonProcessingException unwritable) {
            // Details are strings and numbers; should one not serialise, the fact still gets
            // logged.
            log.info(
                    "{\"action\":\"{}\",\"user\":\"{}\",\"outcome\":\"{}\",\"unwritable\":true}",
                    action,
                    user,
                    outcome);
        }
    }
}

package ledger.api.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the ledger. {@code mode: users} takes the users below (passwords stored as hashes,
 * e.g. {@code {bcrypt}$2a$10$…}); {@code mode: jwt} makes the application an OAuth2 resource server
 * that trusts bearer tokens from the identity provider configured under {@code
 * spring.security.oauth2.resourceserver.jwt}, reading roles from the claim {@code roles} and units
 * from the claim {@code units}.
 *
 * @param users each with its roles ({@code recorder}, {@code approver}, {@code auditor}) and the
 *     units it may reach ({@code *} for every unit); an auditor or approver may also be granted
 *     {@code departments}, reaching all their units and their consolidated statements
 * @param rememberPasswords how long a successful password check is remembered (HTTP Basic clients
 *     send the password with every call; bcrypt costs tens of ms each) and for how many credentials
 *     at most; {@code 0s} checks every call
 */
@ConfigurationProperties("ledger.security")
public record LedgerSecurityProperties(
        Mode mode, List<ConfiguredUser> users, RememberPasswords rememberPasswords) {

    public record RememberPasswords(Duration ttl, Integer maxEntries) {
        public RememberPasswords {
            ttl = ttl == null ? Duration.ofMinutes(2) : ttl;
            maxEntries = maxEntries == null ? 1_000 : maxEntries;
        }
    }

    public enum Mode {
        USERS,
        JWT
    }

    public record ConfiguredUser(
            String name,
            String password,
            List<String> roles,
            List<String> units,
            List<String> departments) {

        public ConfiguredUser {
            departments = departments == null ? List.of() : List.copyOf(departments);
        }
    }

    public LedgerSecurityProperties {
        mode = mode == null ? Mode.USERS : mode;
        users = users == null ? List.of() : List.copyOf(users);
        rememberPasswords =
                rememberPasswords == null ? new RememberPasswords(null, null) : rememberPasswords;
    }
}

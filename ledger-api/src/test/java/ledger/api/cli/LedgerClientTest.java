package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Addresses the command line builds for {@code --server}: prefixes kept, user input escaped. */
class LedgerClientTest {

    @Test
    void aServerBehindAPathPrefixKeepsItsPrefix() {
        LedgerClient behindProxy =
                new LedgerClient(
                        URI.create("https://host.example/ledger/"),
                        "clerk",
                        "secret".toCharArray());
        assertThat(behindProxy.uri("/api/journals"))
                .isEqualTo(URI.create("https://host.example/ledger/api/journals"));
        LedgerClient plain =
                new LedgerClient(
                        URI.create("http://localhost:8080/"), "clerk", "secret".toCharArray());
        assertThat(plain.uri("/api/journals"))
                .isEqualTo(URI.create("http://localhost:8080/api/journals"));
    }

    @Test
    void unitsAndQueryValuesAreEscapedSoTheyCannotChangeThePath() {
        assertThat(LedgerClient.unitYear("../admin?x=1#", 2020, "/checks"))
                .isEqualTo("/api/units/..%2Fadmin%3Fx%3D1%23/years/2020/checks");
        assertThat(LedgerClient.query("cell", "T3/2010302/3", "asOf", null, "x", "a b&c"))
                .isEqualTo("?cell=T3%2F2010302%2F3&x=a%20b%26c");
        assertThat(LedgerClient.query("asOf", null)).isEmpty();
    }

    @Test
    void thePasswordIsNotInWhatTheClientSaysAboutItself() {
        LedgerClient client =
                new LedgerClient(
                        URI.create("http://localhost:8080/"), "clerk", "s3cret".toCharArray());
        assertThat(client.describe())
                .isEqualTo("http://localhost:8080/ as clerk")
                .doesNotContain("s3cret");
    }
}

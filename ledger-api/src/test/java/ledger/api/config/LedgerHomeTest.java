package ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerHomeTest {

    @Test
    void ledgerHomeNamesTheOneDataDirectoryOfTheEmbeddedDatabaseTheKeyAndTheUsers() {
        LedgerHome home = LedgerHome.of(Map.of("LEDGER_HOME", "/var/lib/ledger"));
        assertThat(home.directory()).isEqualTo(Path.of("/var/lib/ledger"));
        assertThat(home.integrityKeyFile()).isEqualTo(Path.of("/var/lib/ledger/integrity.key"));
        assertThat(home.usersFile()).isEqualTo(Path.of("/var/lib/ledger/users.yml"));
        assertThat(home.announcement()).contains("数据目录", "/var/lib/ledger");
        LedgerDatabase embedded =
                LedgerDatabase.choose(null, Map.of("LEDGER_HOME", "/var/lib/ledger"));
        assertThat(LedgerDatabase.embeddedDirectory(embedded.url()))
                .contains(Path.of("/var/lib/ledger"));
        assertThat(embedded.describe()).contains("/var/lib/ledger/ledger.mv.db");
    }

    @Test
    void withoutItTheDataDirectoryIsDataInTheWorkingDirectoryMadeAbsolute() {
        LedgerHome home = LedgerHome.of(Map.of());
        assertThat(home.directory()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(LedgerDatabase.embeddedDirectory(LedgerDatabase.choose(null, Map.of()).url()))
                .contains(Path.of("data").toAbsolutePath());
    }
}

package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import picocli.CommandLine;

/**
 * What {@code ledger serve} asks of the server: where it listens, whether the demo users work, and
 * that it warms its accounts.
 */
class ServeCommandTest {

    @Test
    void theServerListensOnLoopbackUnlessToldOtherwise() {
        ServeCommand serve = parse("--port", "9090");
        assertThat(serve.serverProperties())
                .containsExactly(
                        "server.port=9090",
                        "server.address=127.0.0.1",
                        // a server keeps its accounts warm from the start
                        "ledger.accounts.warm-up=true");
        assertThat(serve.address()).isEqualTo("http://127.0.0.1:9090");

        ServeCommand everywhere = parse("--bind", "0.0.0.0");
        assertThat(everywhere.serverProperties()).contains("server.address=0.0.0.0");
        assertThat(everywhere.address())
                .isEqualTo("http://localhost:8080 (listening on every interface)");

        // and so does the application when started some other way
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        assertThat(yaml.getObject().getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void readsGoToTheStandbyTheCommandNames() {
        assertThat(
                        parse(
                                        "--db",
                                        "jdbc:postgresql://127.0.0.1:5432/ledger",
                                        "--read-db",
                                        "jdbc:postgresql://127.0.0.1:5433/ledger?user=reader")
                                .serverProperties())
                .contains(
                        "ledger.read-datasource.url=jdbc:postgresql://127.0.0.1:5433/ledger?user=reader");
        assertThat(parse("--db", "jdbc:postgresql://127.0.0.1:5432/ledger").serverProperties())
                .noneMatch(property -> property.startsWith("ledger.read-datasource"));
    }

    @Test
    void theDemoUsersWorkOnTheEmbeddedDefaultOrWhenAskedFor() {
        assertThat(parse().demoUsers()).isTrue();
        assertThat(parse("--db", "jdbc:postgresql://127.0.0.1:5432/ledger").demoUsers()).isFalse();
        assertThat(parse("--db", "jdbc:postgresql://127.0.0.1:5432/ledger", "--demo").demoUsers())
                .isTrue();
    }

    private static ServeCommand parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve;
    }
}

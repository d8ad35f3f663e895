package ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import ledger.api.LedgerApplication;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * An operator adds users with {@code ledger user}: bcrypt hashes in the data directory's users.yml,
 * which the server reads when it starts (outside the demo profile).
 */
class UserCommandIT {

    private static final String PASSWORD = "zhang-secret-2024";

    @TempDir Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int ledger(Map<String, String> extra, String... args) {
        Map<String, String> environment = new HashMap<>(Map.of("LEDGER_HOME", home.toString()));
        environment.putAll(extra);
        CommandLine cli = LedgerCommandLine.commandLine(environment::get);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void anAddedUserSignsInToTheServerWithTheirPasswordAndTheFileHoldsOnlyAHash() throws Exception {
        Map<String, String> password = Map.of(UserCommand.NEW_PASSWORD, PASSWORD);
        assertThat(ledger(password, "user", "add", "zhang", "--role", "auditor", "--units", "*"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("已添加用户 zhang", "auditor");

        Path file = home.resolve("users.yml");
        String stored = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(stored).contains("name: zhang", "{bcrypt}$2a$").doesNotContain(PASSWORD);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        String url = TestDatabase.create("usersfile");
        try (ConfigurableApplicationContext server =
                new SpringApplicationBuilder(LedgerApplication.class)
                        .web(WebApplicationType.SERVLET)
                        .run(
                                "--spring.datasource.url=" + url,
                                "--spring.datasource.username=" + TestDatabase.user(),
                                "--spring.datasource.password=" + TestDatabase.password(),
                                "--server.port=0",
                                "--spring.profiles.active=operator",
                                "--ledger.home=" + home,
                                "--ledger.integrity.key=user-command-test-key")) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            assertThat(get(port, "zhang", PASSWORD)).isEqualTo(200);
            assertThat(get(port, "zhang", "wrong-password-1")).isEqualTo(401);
            assertThat(get(port, "auditor", "auditor-demo"))
                    .as("no demo users outside the demo profile")
                    .isEqualTo(401);
        }
    }

    @Test
    void aSecondUserOfTheSameNameAShortPasswordAndAnUnknownRoleAreRefusedAndWriteNothing()
            throws Exception {
        Map<String, String> password = Map.of(UserCommand.NEW_PASSWORD, PASSWORD);
        assertThat(
                        ledger(
                                password,
                                "user",
                                "add",
                                "li",
                                "--role",
                                "recorder",
                                "--units",
                                "unit-a,unit-b"))
                .isZero();
        String before = Files.readString(home.resolve("users.yml"));

        assertThat(ledger(password, "user", "add", "li", "--role", "recorder", "--units", "unit-a"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("用户 li 已存在");
        assertThat(
                        ledger(
                                Map.of(UserCommand.NEW_PASSWORD, "short"),
                                "user",
                                "add",
                                "wu",
                                "--role",
                                "recorder",
                                "--units",
                                "unit-a"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("密码至少 12 个字符");
        assertThat(ledger(password, "user", "add", "wu", "--role", "boss", "--units", "unit-a"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("未知的角色「boss」，可用的值：recorder（记账）");
        assertThat(
                        ledger(
                                password,
                                "user",
                                "add",
                                "Wu Zhang",
                                "--role",
                                "recorder",
                                "--units",
                                "unit-a"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("用户名只能用小写字母");
        assertThat(Files.readString(home.resolve("users.yml"))).isEqualTo(before);

        out.getBuffer().setLength(0);
        assertThat(ledger(Map.of(), "user", "list")).isZero();
        assertThat(out.toString())
                .contains("共 1 个用户", "li\trecorder\tunit-a,unit-b")
                .doesNotContain("$2a$");
    }

    @Test
    void passwdReplacesTheHashAndRefusesAnUnknownUser() throws Exception {
        assertThat(
                        ledger(
                                Map.of(UserCommand.NEW_PASSWORD, PASSWORD),
                                "user",
                                "add",
                                "qian",
                                "--role",
                                "approver",
                                "--units",
                                "*"))
                .isZero();
        String before = Files.readString(home.resolve("users.yml"));
        assertThat(
                        ledger(
                                Map.of(UserCommand.NEW_PASSWORD, "another-secret-99"),
                                "user",
                                "passwd",
                                "qian"))
                .isZero();
        String after = Files.readString(home.resolve("users.yml"));
        assertThat(after).isNotEqualTo(before).contains("name: qian", "approver");
        assertThat(ledger(Map.of(UserCommand.NEW_PASSWORD, PASSWORD), "user", "passwd", "nobody"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("没有用户 nobody");
    }

    @Test
    void hashPrintsABcryptHashForAnOperatorsOwnConfiguration() {
        assertThat(ledger(Map.of(UserCommand.NEW_PASSWORD, PASSWORD), "user", "hash")).isZero();
        assertThat(out.toString().strip()).startsWith("{bcrypt}$2a$10$").doesNotContain(PASSWORD);
        assertThat(Files.exists(home.resolve("users.yml"))).isFalse();
    }

    @Test
    void everyCommandAnswersHelp() {
        assertThat(ledger(Map.of(), "serve", "--help")).isZero();
        assertThat(out.toString()).contains("--bind", "--demo");
        assertThat(ledger(Map.of(), "user", "add", "--help")).isZero();
        assertThat(out.toString()).contains("--role", "示例");
    }

    private static int get(int port, String user, String password) throws Exception {
        String credentials =
                Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<Void> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + port
                                                                + "/api/catalog/2020"))
                                        .header("Authorization", "Basic " + credentials)
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }
}

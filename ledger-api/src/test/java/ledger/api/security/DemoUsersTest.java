package ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Which stored hashes are the published demo passwords, and where the demo users are configured.
 */
class DemoUsersTest {

    @Test
    void theShippedDemoHashesAreRecognisedAndOthersAreNot() {
        Properties demo = yaml("application-demo.yml");
        List<String> hashes =
                List.of(
                        demo.getProperty("ledger.security.users[0].password"),
                        demo.getProperty("ledger.security.users[1].password"),
                        demo.getProperty("ledger.security.users[2].password"));
        assertThat(hashes)
                .allSatisfy(hash -> assertThat(DemoUsers.hasDemoPassword(hash)).as(hash).isTrue());
        // a demo password hashed anew is still a demo password, whatever the user is called
        assertThat(
                        DemoUsers.hasDemoPassword(
                                "{bcrypt}" + new BCryptPasswordEncoder(4).encode("auditor-demo")))
                .isTrue();
        assertThat(
                        DemoUsers.hasDemoPassword(
                                "{bcrypt}" + new BCryptPasswordEncoder(4).encode("auditor-2026!")))
                .isFalse();
        assertThat(DemoUsers.hasDemoPassword("{unknown}abc")).isFalse();
    }

    @Test
    void theMainConfigurationHasNoUsersTheDemoProfileHasThem() {
        assertThat(yaml("application.yml").stringPropertyNames())
                .noneMatch(name -> name.startsWith("ledger.security.users"));
        assertThat(yaml("application-demo.yml").getProperty("ledger.security.users[0].name"))
                .isEqualTo("clerk");
    }

    private static Properties yaml(String name) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(name));
        return yaml.getObject();
    }
}

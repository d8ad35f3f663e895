package ledger.api.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything opens the embedded database: its directory exists owner-only ({@code rwx------}),
 * so no other local user can reach its files even for a moment, and H2 knows the {@code private:}
 * file system that creates them owner-only. Registered in {@code META-INF/spring.factories}, so it
 * runs for every start of the application, the command line's and the tests'.
 */
public class PrivateDataDirectory implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        LedgerDatabase.embeddedDirectory(url)
                .ifPresent(
                        directory -> {
                            PrivateH2Files.register();
                            PrivateFiles.directory(directory);
                        });
    }
}

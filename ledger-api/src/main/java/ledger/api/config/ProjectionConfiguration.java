package ledger.api.config;

import ledger.api.store.ReadDatabase;
import ledger.projections.posting.PostingProjection;
import ledger.projections.posting.PostingRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read models; Axon finds their event handlers on the beans. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    /**
     * The projection writes its rows on the primary, with its token, in the processor's
     * transaction.
     */
    @Bean
    public PostingProjection postingProjection(JdbcTemplate jdbc) {
        return new PostingProjection(jdbc);
    }

    /**
     * Statements, traces and pages read from a hot standby when {@code ledger.read-datasource.url}
     * names one, else from the primary.
     */
    @Bean(destroyMethod = "close")
    public ReadDatabase readDatabase(
            JdbcTemplate jdbc,
            @Value("${ledger.read-datasource.url:}") String url,
            @Value("${ledger.read-datasource.username:}") String username,
            @Value("${ledger.read-datasource.password:}") String password) {
        return url.isBlank()
                ? ReadDatabase.primary(jdbc)
                : ReadDatabase.standby(url, username, password);
    }

    @Bean
    public PostingRepository postingRepository(ReadDatabase reads) {
        return new PostingRepository(reads.jdbc());
    }
}

package ledger.api.config;

import ledger.projections.posting.PostingProjection;
import ledger.projections.posting.PostingRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read models; Axon finds their event handlers on the beans. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    public PostingProjection postingProjection(JdbcTemplate jdbc) {
        return new PostingProjection(jdbc);
    }

    @Bean
    public PostingRepository postingRepository(JdbcTemplate jdbc) {
        return new PostingRepository(jdbc);
    }
}

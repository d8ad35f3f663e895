package ledger.api.rest;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server named in the OpenAPI document ({@code /v3/api-docs}): {@code ledger.base-url} when
 * configured, else {@code /}, which a client resolves against the address it fetched the document
 * from. Never the request's {@code Host} header, which whoever sends the request chooses.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI ledgerOpenApi(@Value("${ledger.base-url:}") String baseUrl) {
        String url = baseUrl.isBlank() ? "/" : baseUrl.strip();
        return new OpenAPI().servers(List.of(new Server().url(url)));
    }
}

package ledger.api.rest;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import ledger.core.account.TransactionKind;
import org.springdoc.core.customizers.OpenApiCustomizer;
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

    /** Stands in the schema until {@link #kindsFromTheKinds} writes the list. */
    static final String KIND_DESCRIPTION = "a journal kind, by code or Chinese name";

    @Bean
    OpenAPI ledgerOpenApi(@Value("${ledger.base-url:}") String baseUrl) {
        String url = baseUrl.isBlank() ? "/" : baseUrl.strip();
        return new OpenAPI().servers(List.of(new Server().url(url)));
    }

    /**
     * The kinds a transaction may be, listed from {@link TransactionKind} itself, so that a new
     * kind is documented without editing this text.
     */
    @Bean
    OpenApiCustomizer kindsFromTheKinds() {
        String kinds =
                Arrays.stream(TransactionKind.values())
                        .filter(kind -> kind.shape() != TransactionKind.Shape.CLOSING)
                        .map(kind -> kind.code() + " (" + kind.chineseName() + ")")
                        .collect(Collectors.joining(" | "));
        return openApi -> {
            Schema<?> request =
                    openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                            ? null
                            : openApi.getComponents().getSchemas().get("TransactionRequest");
            if (request != null
                    && request.getProperties() != null
                    && request.getProperties().get("kind") != null) {
                request.getProperties().get("kind").setDescription(KIND_DESCRIPTION + ": " + kinds);
            }
        };
    }
}

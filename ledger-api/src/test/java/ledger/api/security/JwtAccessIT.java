package ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import ledger.api.LedgerApplication;
import ledger.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Production mode: the ledger as an OAuth2 resource server trusting bearer tokens signed by the
 * identity provider's key, with roles and units taken from the token's claims.
 */
@SpringBootTest(classes = LedgerApplication.class, properties = "ledger.security.mode=jwt")
@AutoConfigureMockMvc
class JwtAccessIT {

    private static final String URL = TestDatabase.create("jwt");
    private static final KeyPair IDENTITY_PROVIDER = keyPair();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        TestDatabase.use(registry, URL);
        Path publicKey = Files.createTempFile("idp", ".pem");
        Files.writeString(
                publicKey,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(IDENTITY_PROVIDER.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n",
                StandardCharsets.US_ASCII);
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + publicKey);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSignedTokenWithRolesAndUnitsIsHonouredAndItsUserIsRecorded() throws Exception {
        String clerk = token("wang.kuaiji", List.of("recorder"), List.of("unit-a"));
        MvcResult recorded =
                mvc.perform(
                                post("/api/transactions")
                                        .header("Authorization", "Bearer " + clerk)
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content(
                                                "{\"id\":\"JWT-1\",\"date\":\"2020-01-02\","
                                                        + "\"kind\":\"appropriation\",\"unit\":\"unit-a\",\"unit_name\":\"令牌测试单位\","
                                                        + "\"fund\":\"other\",\"functional\":\"2010301\",\"economic\":\"30201\","
                                                        + "\"amount\":\"100.00\"}"))
                        .andReturn();
        assertThat(recorded.getResponse().getStatus())
                .as(recorded.getResponse().getContentAsString())
                .isEqualTo(201);
        // every event of the transaction names the token's user as the one who acted
        List<String> actors =
                jdbc.queryForList(
                        "SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'user'"
                                + " FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE '%\"JWT-1\"%'",
                        String.class);
        assertThat(actors).isNotEmpty().containsOnly("wang.kuaiji");

        String auditor = token("li.shenji", List.of("auditor"), List.of("*"));
        MvcResult checks =
                mvc.perform(
                                get("/api/units/unit-a/years/2020/checks")
                                        .header("Authorization", "Bearer " + auditor))
                        .andReturn();
        assertThat(checks.getResponse().getStatus())
                .as(checks.getResponse().getContentAsString())
                .isEqualTo(200);
        long events = eventCount();
        assertThat(
                        mvc.perform(
                                        post("/api/transactions")
                                                .header("Authorization", "Bearer " + auditor)
                                                .contentType(MediaType.APPLICATION_JSON)
                                                .content("{}"))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                .isEqualTo(403);
        assertThat(
                        mvc.perform(
                                        get("/api/units/unit-b/years/2020/checks")
                                                .header("Authorization", "Bearer " + clerk))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                .isEqualTo(403);
        assertThat(eventCount()).isEqualTo(events);
    }

    private long eventCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    @Test
    void aTokenNotSignedByTheIdentityProviderIsRefused() throws Exception {
        String forged = token(keyPair(), "mallory", List.of("approver"), List.of("*"));
        assertThat(
                        mvc.perform(
                                        get("/api/units/any-unit/years/2020/checks")
                                                .header("Authorization", "Bearer " + forged))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                .isEqualTo(401);
        assertThat(
                        mvc.perform(get("/api/units/any-unit/years/2020/checks"))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                .isEqualTo(401);
    }

    private static String token(String user, List<String> roles, List<String> units)
            throws Exception {
        return token(IDENTITY_PROVIDER, user, roles, units);
    }

    private static String token(KeyPair key, String user, List<String> roles, List<String> units)
            throws Exception {
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .subject(user)
                        .claim("preferred_username", user)
                        .claim("roles", roles)
                        .claim("units", units)
                        .issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

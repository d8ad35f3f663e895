package ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelativeRedirectsTest {

    @Test
    void aRedirectToTheHostTheClientNamedBecomesAPath() {
        assertThat(RelativeRedirects.relative("http://forged.example:6666/login", "forged.example"))
                .isEqualTo("/login");
        assertThat(
                        RelativeRedirects.relative(
                                "http://forged.example/units/u/years/2020?asOf=2020-06-30#T3",
                                "FORGED.example"))
                .isEqualTo("/units/u/years/2020?asOf=2020-06-30#T3");
        assertThat(RelativeRedirects.relative("http://forged.example", "forged.example"))
                .isEqualTo("/");
    }

    @Test
    void pathsAndOtherHostsAreLeftAsTheyAre() {
        assertThat(RelativeRedirects.relative("/login?logout", "localhost"))
                .isEqualTo("/login?logout");
        assertThat(RelativeRedirects.relative("https://idp.example/authorize", "localhost"))
                .isEqualTo("https://idp.example/authorize");
    }
}

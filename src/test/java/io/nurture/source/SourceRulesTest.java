package io.nurture.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.nurture.web.InvalidInputException;

class SourceRulesTest {

    @ParameterizedTest
    @CsvSource({
            "https://www.example.com, https://www.example.com",
            "HTTPS://WWW.Example.COM, https://www.example.com",
            "https://www.example.com:443, https://www.example.com",
            "http://www.example.com:80, http://www.example.com",
            "http://www.example.com:443, http://www.example.com:443",
            "http://localhost:3000, http://localhost:3000",
            "https://127.0.0.1:8443, https://127.0.0.1:8443",
            "'http://[::1]:3000', 'http://[::1]:3000'",
            "capacitor://localhost, capacitor://localhost",
            "https://xn--bcher-kva.example, https://xn--bcher-kva.example" })
    void anOriginIsWrittenAsABrowserSendsIt(String given, String normalised) {
        assertThat(SourceRules.origin(given, "origin")).isEqualTo(normalised);
    }

    @Test
    void originsAreNormalisedOnceEach() {
        assertThat(SourceRules.origins(List.of("https://a.example.com", "HTTPS://A.example.com:443",
                "https://b.example.com"))).containsExactly("https://a.example.com", "https://b.example.com");
        assertThat(SourceRules.origins(null)).isEmpty();
        assertThatThrownBy(() -> SourceRules.origins(Arrays.asList("https://a.example.com", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("allowedOrigins[1] ");
    }

    @Test
    void whatIsNoOriginSaysWhy() {
        assertThatThrownBy(() -> SourceRules.origin("https://*.example.com", "o")).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> SourceRules.origin("*", "o")).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> SourceRules.origin("null", "o")).hasMessageContaining("sandboxed");
        assertThatThrownBy(() -> SourceRules.origin("https://www.example.com/", "o"))
                .hasMessageContaining("without a path");
        assertThatThrownBy(() -> SourceRules.origin("https://www.example.com:65536", "o"))
                .hasMessageContaining("port 65536");
        assertThatThrownBy(() -> SourceRules.origin("https://-bad-.example.com", "o"))
                .hasMessageContaining("scheme://host[:port]");
    }

    @Test
    void aNameIsLowerCaseLettersDigitsAndDashes() {
        assertThat(SourceRules.name("web-shop-2", "name")).isEqualTo("web-shop-2");
        assertThat(SourceRules.name("a".repeat(40), "name")).hasSize(40);
        for (String bad : List.of("", "a".repeat(41), "-web", "Web", "web shop", "web_shop", "web.shop")) {
            assertThatThrownBy(() -> SourceRules.name(bad, "name")).as(bad)
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("name ");
        }
    }
}

package io.nurture.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionWriteKeyCheckTest {

    @Test
    void refusesTheDemoKeyUnderAnyName() {
        assertThatThrownBy(() -> ProductionWriteKeyCheck.check(Map.of("shop", source(DemoWriteKey.VALUE))))
                .hasMessageContaining("demo write key").hasMessageContaining("nurture.sources.shop.write-key");
    }

    @Test
    void refusesAGuessableKey() {
        assertThatThrownBy(() -> ProductionWriteKeyCheck.check(Map.of("website", source("secret"))))
                .hasMessageContaining("shorter than 32");
    }

    @Test
    void acceptsALongKeyOrNone() {
        assertThatCode(() -> ProductionWriteKeyCheck.check(Map.of("website",
                source("Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy")))).doesNotThrowAnyException();
        assertThatCode(() -> ProductionWriteKeyCheck.check(Map.of())).doesNotThrowAnyException();
    }

    @Test
    void theProdProfilesEmptyKeyIsNoSource() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("nurture.sources.website.write-key", "")
                .withProperty("nurture.sources.website.allowed-origins", "http://localhost:3000")
                .withProperty("nurture.sources.shop.write-key", "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy");

        assertThatCode(() -> new ProductionWriteKeyCheck(new ConfiguredSources(environment)))
                .doesNotThrowAnyException();
        assertThat(new ConfiguredSources(environment).all()).containsOnlyKeys("shop");
    }

    private static ConfiguredSource source(String key) {
        return new ConfiguredSource(key, List.of());
    }
}

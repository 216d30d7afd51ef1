package io.nurture.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The sources application.yaml ships: the demo one by default, none in prod, and prod refuses the demo key. */
class ShippedSourcesTest {

    @Test
    void theDefaultProfileHasTheDemoSource() throws IOException {
        ConfiguredSources sources = new ConfiguredSources(environment("application.yaml"));

        assertThat(sources.all()).containsOnlyKeys("website");
        assertThat(sources.byKey(DemoWriteKey.VALUE)).hasValueSatisfying(source -> {
            assertThat(source.name()).isEqualTo("website");
            assertThat(source.allowedOrigins()).containsExactly("http://localhost:3000");
        });
        assertThatThrownBy(() -> new ProductionWriteKeyCheck(sources)).hasMessageContaining("demo write key");
    }

    @Test
    void theProdProfileHasNoneAndStarts() throws IOException {
        ConfiguredSources sources = new ConfiguredSources(environment("application.yaml", "application-prod.yaml"));

        assertThat(sources.all()).isEmpty();
        assertThat(sources.byKey(DemoWriteKey.VALUE)).isEmpty();
        assertThatCode(() -> new ProductionWriteKeyCheck(sources)).doesNotThrowAnyException();
    }

    /** The files as Spring Boot layers them: a later one wins. */
    private static StandardEnvironment environment(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        for (String file : files) {
            loader.load(file, new ClassPathResource(file)).forEach(environment.getPropertySources()::addFirst);
        }
        return environment;
    }
}

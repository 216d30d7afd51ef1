package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.yaml.snakeyaml.Yaml;

/**
 * The metrics are guarded unless a setting opens them, and no shipped profile opens them ({@code ApiAccessIT} calls
 * them over HTTP as every demo user).
 */
class MetricsAccessConfigurationTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withUserConfiguration(MetricsAccessConfiguration.class)
            .withBean(IdentityService.class, IdentityServiceImpl::new);

    @Test
    void theActuatorIsGuardedUnlessNurtureMetricsPublicIsTrue() {
        app.run(context -> assertThat(context).hasBean("actuatorAuthentication").hasBean("actuatorAccess"));
        app.withPropertyValues("nurture.metrics.public=false")
                .run(context -> assertThat(context).hasBean("actuatorAccess"));
        app.withPropertyValues("nurture.metrics.public=true")
                .run(context -> assertThat(context).doesNotHaveBean("actuatorAuthentication")
                        .doesNotHaveBean("actuatorAccess"));
    }

    @Test
    void noShippedProfileOpensTheMetrics() throws IOException {
        for (String file : new String[] { "application.yaml", "application-prod.yaml", "application-postgres.yaml" }) {
            for (Object document : new Yaml().loadAll(Files.readString(Path.of("src/main/resources", file)))) {
                Object open = path(document, "nurture", "metrics", "public");
                assertThat(open).as(file).isIn(null, false);
            }
        }
    }

    private static Object path(Object node, String... keys) {
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }
}

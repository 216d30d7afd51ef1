package io.nurture.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The monitoring files of docker/, read as Prometheus and Grafana would: the scrape job asks Nurture's endpoint with
 * basic auth, the dashboard's panels all query the Prometheus data source it lets the importer pick. Which series the
 * panels ask for is checked against a real scrape in {@code monitoring/MetricsIT}.
 */
class MonitoringFilesTest {

    private static final Path DOCKER = Path.of("docker");

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheMetricsEndpointWithBasicAuth() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(DOCKER.resolve("prometheus/prometheus.yml")));
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");

        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat((Map<String, Object>) job.get("basic_auth")).containsEntry("username", "monitoring")
                    .containsKey("password_file");
            assertThat(job.get("static_configs").toString()).contains(":8080");
        });
    }

    @Test
    void everyPanelQueriesTheChosenPrometheus() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DOCKER.resolve("grafana/nurture-dashboard.json")));

        assertThat(dashboard.get("uid").asText()).isEqualTo("nurture");
        assertThat(dashboard.path("templating").path("list").findValuesAsText("name")).contains("datasource",
                "instance");
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.get("title").asText())
                    .isEqualTo("${datasource}");
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty()
                    .allSatisfy(target -> assertThat(target.get("expr").asText()).contains("$instance"));
        }
    }
}

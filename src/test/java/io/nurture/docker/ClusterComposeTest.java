package io.nurture.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster recipe, read as DockerFilesTest reads the single-node one: two Nurture nodes with the same settings and
 * secrets but names of their own, started one after the other on one PostgreSQL, behind an nginx that sends to
 * exactly those nodes and keeps a browser on one of them.
 */
class ClusterComposeTest {

    private static final Path DOCKER = Path.of("docker");
    private static final List<String> NODES = List.of("nurture-1", "nurture-2");
    private static ComposeFile compose;
    private static String nginx;

    @BeforeAll
    static void readRecipe() throws IOException {
        compose = ComposeFile.read(DOCKER.resolve("docker-compose.cluster.yml"));
        nginx = Files.readString(DOCKER.resolve("nginx-cluster.conf"));
    }

    @Test
    void twoNodesOnePostgresMailpitAndABalancer() {
        assertThat(compose.services()).containsOnlyKeys("postgres", "mailpit", "nurture-1", "nurture-2", "balancer");
        assertThat(compose.service("postgres").get("image").toString()).startsWith("postgres:");
        assertThat(compose.service("balancer").get("image").toString()).startsWith("nginx:");
        assertThat(compose.service("balancer").get("ports").toString()).contains("8080:80");
        for (String node : NODES) {
            assertThat(compose.service(node)).as(node + " publishes no port: only through the balancer")
                    .doesNotContainKey("ports");
            assertThat(compose.section(node, "build")).containsEntry("dockerfile", "docker/Dockerfile");
        }
    }

    @Test
    void theNodesShareEverySettingButTheirNames() {
        Map<String, Object> first = new LinkedHashMap<>(compose.section("nurture-1", "environment"));
        Map<String, Object> second = new LinkedHashMap<>(compose.section("nurture-2", "environment"));
        assertThat(first.remove("NURTURE_NODE_NAME")).isEqualTo("nurture-1");
        assertThat(second.remove("NURTURE_NODE_NAME")).isEqualTo("nurture-2");
        assertThat(first).isEqualTo(second);

        Map<String, Object> db = compose.section("postgres", "environment");
        assertThat(first.get("SPRING_PROFILES_ACTIVE").toString().split(",")).containsExactly("postgres", "prod");
        assertThat(first.get("NURTURE_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + db.get("POSTGRES_DB"));
        assertThat(first.get("NURTURE_DB_USER")).isEqualTo(db.get("POSTGRES_USER"));
        assertThat(first.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
    }

    @Test
    void everySecretTheProdProfileRequiresComesFromTheOperatorNotTheFile() throws IOException {
        Map<String, Object> environment = compose.section("nurture-1", "environment");
        Set<String> required = requiredByProdProfile();
        assertThat(required).contains("NURTURE_ADMIN_PASSWORD", "NURTURE_TRACKING_SECRET", "NURTURE_PRIVACY_HASH_KEY",
                "NURTURE_PUBLIC_URL");
        for (String variable : required) {
            assertThat(environment).as("the prod profile needs " + variable).containsKey(variable);
        }
        for (String secret : List.of("NURTURE_ADMIN_PASSWORD", "NURTURE_TRACKING_SECRET", "NURTURE_PRIVACY_HASH_KEY")) {
            assertThat(environment.get(secret).toString()).as(secret + " must be set by the operator")
                    .isEqualTo("${" + secret + ":?set " + secret + "}");
        }
        assertThat(environment.get("NURTURE_PUBLIC_URL")).as("mail links point at the balancer")
                .isEqualTo("http://localhost:" + publishedPort("balancer"));
        String node = Files.readString(Path.of("src/main/resources/application.yaml"));
        assertThat(node).as("the node name property").contains("${NURTURE_NODE_NAME:");
    }

    @Test
    void theSecondNodeJoinsOnceTheFirstIsHealthy() {
        assertThat(compose.section("nurture-1", "depends_on")).containsKeys("postgres", "mailpit");
        assertThat(compose.section("nurture-2", "depends_on").toString()).contains("nurture-1")
                .contains("condition=service_healthy");
        assertThat(compose.section("balancer", "depends_on")).containsKeys("nurture-1", "nurture-2");
    }

    @Test
    void theBalancerSendsToExactlyTheNodesAndKeepsABrowserOnOne() {
        Matcher servers = Pattern.compile("(?m)^\\s*server\\s+([\\w.-]+):(\\d+)").matcher(nginx);
        Set<String> upstreams = new TreeSet<>();
        while (servers.find()) {
            upstreams.add(servers.group(1));
            assertThat(servers.group(2)).as("the port the Dockerfile exposes").isEqualTo("8080");
        }
        assertThat(upstreams).containsExactlyElementsOf(new TreeSet<>(NODES));
        assertThat(nginx).contains("ip_hash;").contains("listen 80;").contains("proxy_pass http://nurture;")
                .contains("proxy_set_header X-Forwarded-For $remote_addr;")
                .doesNotContain("non_idempotent");
        assertThat(compose.service("balancer").get("volumes").toString())
                .contains("./nginx-cluster.conf:/etc/nginx/conf.d/default.conf");
        assertThat(DOCKER.resolve("nginx-cluster.conf")).exists();
    }

    /** {@code ${NURTURE_…:}} with an empty default in the prod profile: Nurture refuses to start without them. */
    private static Set<String> requiredByProdProfile() throws IOException {
        String prod = Files.readString(Path.of("src/main/resources/application-prod.yaml"));
        Matcher placeholders = Pattern.compile("\\$\\{(NURTURE_[A-Z_]+):}").matcher(prod);
        Set<String> required = new TreeSet<>();
        while (placeholders.find()) {
            required.add(placeholders.group(1));
        }
        return required;
    }

    private static String publishedPort(String name) {
        String mapping = ((List<?>) compose.service(name).get("ports")).get(0).toString();
        return mapping.substring(0, mapping.indexOf(':'));
    }
}

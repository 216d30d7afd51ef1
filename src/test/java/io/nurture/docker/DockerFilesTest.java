package io.nurture.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs on the build machines, so docker/ is kept right by reading it: the compose file wires the app
 * to its database and mail catcher with settings the app really reads, and the Dockerfile builds what the pom makes.
 */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("docker");
    private static ComposeFile compose;

    @BeforeAll
    static void readCompose() throws IOException {
        compose = ComposeFile.read(DOCKER.resolve("docker-compose.yml"));
    }

    @Test
    void composeRunsPostgresMailpitAndTheApp() {
        assertThat(compose.services()).containsOnlyKeys("postgres", "mailpit", "app");
        assertThat(image("postgres")).startsWith("postgres:");
        assertThat(image("mailpit")).startsWith("axllent/mailpit");
        assertThat(compose.section("postgres", "healthcheck")).containsKey("test");
    }

    @Test
    void theAppUsesThePostgresProfileWithTheComposeDatabase() throws IOException {
        Map<String, Object> app = compose.service("app");
        Map<String, Object> env = compose.section("app", "environment");
        Map<String, Object> db = compose.section("postgres", "environment");

        assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
        assertThat(env.get("NURTURE_DB_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + db.get("POSTGRES_DB"));
        assertThat(env.get("NURTURE_DB_USER")).isEqualTo(db.get("POSTGRES_USER"));
        assertThat(env.get("NURTURE_DB_PASSWORD")).isEqualTo(db.get("POSTGRES_PASSWORD"));
        assertThat(compose.section("app", "depends_on")).containsKeys("postgres", "mailpit");
        assertThat(app.get("ports").toString()).contains("8080:8080");

        String postgresProfile = Files.readString(Path.of("src/main/resources/application-postgres.yaml"));
        for (String variable : List.of("NURTURE_DB_URL", "NURTURE_DB_USER", "NURTURE_DB_PASSWORD")) {
            assertThat(postgresProfile).as("the postgres profile reads " + variable).contains("${" + variable);
        }
    }

    @Test
    void mailGoesToMailpitsSmtpPort() {
        Map<String, Object> env = compose.section("app", "environment");
        assertThat(env.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
        assertThat(env.get("SPRING_MAIL_PORT").toString()).isEqualTo("1025");
        assertThat(compose.service("mailpit").get("ports").toString()).contains("8025");
    }

    @Test
    void theDockerfileBuildsThePomsJarFromTheRepositoryRoot() throws IOException {
        Map<String, Object> build = compose.section("app", "build");
        Path context = DOCKER.resolve((String) build.get("context")).normalize();
        Path dockerfile = context.resolve((String) build.get("dockerfile"));
        assertThat(dockerfile.normalize()).isEqualTo(Path.of("docker/Dockerfile"));

        String text = Files.readString(dockerfile);
        Matcher copies = Pattern.compile("(?m)^COPY (?!--from)(.+)$").matcher(text);
        int sources = 0;
        while (copies.find()) {
            List<String> words = List.of(copies.group(1).trim().split("\\s+"));
            for (String source : words.subList(0, words.size() - 1)) {
                assertThat(context.resolve(source)).as("COPY source " + source).exists();
                sources++;
            }
        }
        assertThat(sources).isGreaterThanOrEqualTo(5);
        String artifactId = artifactId(Files.readString(Path.of("pom.xml")));
        assertThat(text).contains("target/" + artifactId + "-*.jar").contains("EXPOSE 8080")
                .contains("\"-jar\", \"/app/nurture.jar\"").contains("/app/nurture.jar");
        assertThat(text).as("the jar's bpmn-js comes from npm ci (pom: bpmn-viewer-install)").contains(" npm ")
                .contains("-Dbpmnlint.skip=true");
    }

    private static String artifactId(String pom) {
        Matcher matcher = Pattern.compile("</parent>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(pom);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String image(String name) {
        return (String) compose.service(name).get("image");
    }
}

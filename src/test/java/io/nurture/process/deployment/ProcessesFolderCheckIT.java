package io.nurture.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.DefaultResourceLoader;

import io.nurture.NurtureApplication;

/** processes/ is checked like any deployment: a bad file stops the start and says which file, element and rule. */
class ProcessesFolderCheckIT {

    private static final String ENGINE = "processes-folder-check";
    private static final String DATABASE = "jdbc:h2:mem:processes-folder-check;DB_CLOSE_DELAY=-1";

    @TempDir
    Path classpath;

    @Test
    void aBadFileInProcessesStopsTheStartNamingTheFileTheElementAndTheRule() throws IOException {
        Path processes = classpath.resolve("processes");
        copyShippedProcessesTo(processes);
        Files.write(processes.resolve("campaign-with-class.bpmn"), MaliciousDiagram.read("java-class.bpmn"));

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(NurtureApplication.class)
                .resourceLoader(new DefaultResourceLoader(new ProcessesFrom(classpath, getClass().getClassLoader())))
                .web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--spring.datasource.url=" + DATABASE, "--nurture.inbox.smtp-port=0",
                        "--nurture.demo.enabled=false", "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.process-engine-name=" + ENGINE)
                .close());

        assertThat(failure).as("the start with a bad file in processes/ must fail").isNotNull();
        String messages = messagesOf(failure);
        assertThat(messages).contains("from processes/")
                .contains("campaign-with-class.bpmn, Task_RunClass (line 9): no Java class names: "
                        + "camunda:class=\"org.example.Evil\"");
        assertThat(rows("ACT_RE_DEPLOYMENT")).as("nothing of processes/ is deployed").isZero();
        assertThat(rows("ACT_RE_PROCDEF")).isZero();
    }

    @AfterEach
    void closeTheEngineTheFailedStartLeftRegistered() {
        ProcessEngine engine = ProcessEngines.getProcessEngines().get(ENGINE);
        if (engine != null) {
            engine.close();
        }
    }

    private static void copyShippedProcessesTo(Path processes) throws IOException {
        Path shipped = Path.of("target/classes/processes");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = processes.resolve(shipped.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        assertThat(processes.resolve("lead-handoff.bpmn")).exists();
    }

    private static long rows(String table) {
        try (Connection connection = DriverManager.getConnection(DATABASE, "sa", "");
                ResultSet count = connection.createStatement().executeQuery("select count(*) from " + table)) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messagesOf(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /** The application's class path, except that {@code processes/} comes from another folder. */
    private static final class ProcessesFrom extends ClassLoader {

        private final Path root;

        ProcessesFrom(Path root, ClassLoader parent) {
            super(parent);
            this.root = root;
        }

        @Override
        public URL getResource(String name) {
            if (!name.startsWith("processes")) {
                return super.getResource(name);
            }
            Path file = root.resolve(name);
            try {
                return Files.exists(file) ? file.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!name.startsWith("processes")) {
                return super.getResources(name);
            }
            URL url = getResource(name);
            return Collections.enumeration(url == null ? List.of() : List.of(url));
        }
    }
}

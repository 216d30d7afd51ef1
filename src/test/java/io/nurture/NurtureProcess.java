package io.nurture;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Nurture in a JVM of its own, from the repackaged jar that {@code package} builds before the integration tests run,
 * with its own {@code application.yaml}. (The test's classpath would not do: under failsafe {@code java.class.path}
 * is a manifest-only booter jar.) The jar is extracted once ({@code -Djarmode=tools extract}, as Spring Boot suggests
 * for production), which starts a few seconds faster than the nested jar. {@link #kill} is a SIGKILL: no shutdown
 * hook, nothing flushed or closed.
 */
public final class NurtureProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Path EXTRACTED = Path.of("target", "nurture-process");
    private static Path application;
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1"); // starts faster; the tests measure no speed

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread killOnExit;

    private NurtureProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts Nurture in {@code workingDirectory} (where the default H2 URL puts {@code ./data}) on a free port with
     * {@code arguments}, its output in {@code log}, and waits until {@code /actuator/health} is UP.
     */
    public static NurtureProcess start(Path workingDirectory, Path log, List<String> arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(application().toString());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            NurtureProcess nurture = new NurtureProcess(process, port, log);
            nurture.awaitHealthy();
            return nurture;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + command, e);
        }
    }

    public NurtureClient client() {
        return new NurtureClient(port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL (on Linux), and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** The last lines Nurture logged, for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    /** A normal stop (SIGTERM), killed if it takes too long. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitForExit(Duration.ofSeconds(30))) {
                kill();
            }
        }
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Nurture exited with " + process.exitValue() + " while starting; "
                        + logTail());
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        process.destroyForcibly();
        throw new IllegalStateException("Nurture was not UP after " + START_TIMEOUT + "; " + logTail());
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized Path application() {
        if (application == null) {
            Path jar = jar();
            List<String> extract = List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
                    "--destination", EXTRACTED.toAbsolutePath().toString());
            try {
                Process extraction = new ProcessBuilder(extract).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!extraction.waitFor(2, TimeUnit.MINUTES) || extraction.exitValue() != 0) {
                    throw new IllegalStateException("Could not extract " + jar + ": " + extract);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Could not extract " + jar, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            application = EXTRACTED.resolve(jar.getFileName()).toAbsolutePath();
        }
        return application;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The newest one, should older versions lie around. */
    private static Path jar() {
        Path target = Path.of("target");
        Path newest = null;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "nurture-*.jar")) {
            for (Path jar : jars) {
                if (newest == null || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(newest)) > 0) {
                    newest = jar;
                }
            }
        } catch (IOException noTarget) {
            // reported below
        }
        if (newest != null) {
            return newest.toAbsolutePath();
        }
        throw new IllegalStateException("No " + target.toAbsolutePath() + "/nurture-*.jar: this test starts the"
                + " repackaged jar; ./mvnw verify builds it before the integration tests (or run ./mvnw package)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.nurture.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends calls with the real {@code @segment/analytics-node} client: {@code analytics-node-send.mjs} in a child
 * {@code node} process, all calls in one batch, as a site's server would.
 */
final class AnalyticsNodeSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Only against a hang of the child process; a healthy run takes a second or two. */
    private static final long GIVE_UP_MINUTES = 3;

    private final String host;
    private final String writeKey;
    private final List<Map<String, Object>> calls = new ArrayList<>();
    private int maxRetries;

    private AnalyticsNodeSender(String host, String writeKey) {
        this.host = host;
        this.writeKey = writeKey;
    }

    /** {@code host} as the client's {@code host} setting, e.g. {@code http://127.0.0.1:8080}; it posts /v1/batch. */
    static AnalyticsNodeSender to(String host, String writeKey) {
        SegmentClients.requireInstalled();
        return new AnalyticsNodeSender(host, writeKey);
    }

    AnalyticsNodeSender identify(Map<String, Object> args) {
        return call("identify", args);
    }

    AnalyticsNodeSender track(Map<String, Object> args) {
        return call("track", args);
    }

    AnalyticsNodeSender page(Map<String, Object> args) {
        return call("page", args);
    }

    AnalyticsNodeSender group(Map<String, Object> args) {
        return call("group", args);
    }

    AnalyticsNodeSender alias(Map<String, Object> args) {
        return call("alias", args);
    }

    /** How often the client retries a batch after a 5xx or a network error (0 by default). */
    AnalyticsNodeSender retrying(int times) {
        this.maxRetries = times;
        return this;
    }

    private AnalyticsNodeSender call(String name, Map<String, Object> args) {
        calls.add(Map.of("call", name, "args", args));
        return this;
    }

    Sent send() {
        try {
            Path out = Files.createTempFile("analytics-node-", ".json");
            Path log = Files.createTempFile("analytics-node-", ".log");
            Process node = new ProcessBuilder("node", SegmentClients.NODE_SENDER.toString(), host, writeKey,
                    String.valueOf(maxRetries))
                    .directory(SegmentClients.FOLDER.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(log.toFile())
                    .start();
            try (var stdin = node.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(calls));
            }
            if (!node.waitFor(GIVE_UP_MINUTES, TimeUnit.MINUTES)) {
                node.destroyForcibly();
                throw new IllegalStateException("analytics-node did not finish: " + Files.readString(log));
            }
            String stdout = Files.readString(out);
            String stderr = Files.readString(log);
            Files.delete(out);
            Files.delete(log);
            List<String> messageIds = new ArrayList<>();
            if (!stdout.isBlank()) {
                JSON.readTree(stdout).path("messageIds").forEach(id -> messageIds.add(id.asText()));
            }
            return new Sent(node.exitValue(), messageIds, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** exitCode 0: the client reported no error; messageIds in the order of the calls; log: its requests and errors. */
    record Sent(int exitCode, List<String> messageIds, String log) {

        Sent delivered() {
            if (exitCode != 0) {
                throw new AssertionError("analytics-node reported an error (exit " + exitCode + "):\n" + log);
            }
            return this;
        }
    }
}

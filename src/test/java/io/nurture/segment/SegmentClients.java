package io.nurture.segment;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assumptions;

/**
 * The published Segment clients in {@code src/test/clients}, installed by the build ({@code npm ci} at
 * process-test-classes, from the committed package-lock.json) and run with {@code node} from the PATH.
 */
final class SegmentClients {

    static final Path FOLDER = Paths.get("src", "test", "clients").toAbsolutePath();
    static final Path NODE_SENDER = FOLDER.resolve("analytics-node-send.mjs");
    /** analytics.js's browser bundle and the chunks it loads, as Segment's CDN serves them. */
    static final Path ANALYTICS_JS_BUNDLES = FOLDER.resolve("node_modules/@segment/analytics-next/dist/umd");

    private SegmentClients() {
    }

    /** Skips on a developer's machine without the clients (built with -Dsegment.clients.skip); CI must have them. */
    static void requireInstalled() {
        if (Files.isDirectory(FOLDER.resolve("node_modules/@segment/analytics-node"))
                && Files.isRegularFile(ANALYTICS_JS_BUNDLES.resolve("index.js"))) {
            return;
        }
        String message = "the Segment clients are not installed in " + FOLDER
                + "; run ./mvnw process-test-classes (npm ci) without -Dsegment.clients.skip / -Dbpmnlint.skip";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " - CI must run the client tests");
        }
        Assumptions.abort(message + " - skipping the client tests");
    }
}

package io.nurture.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The customer's web site on a random port of 127.0.0.1: pages the test adds, and analytics.js
 * ({@code @segment/analytics-next}'s browser bundle and its chunks from node_modules) under
 * {@code /analytics-next/bundles/}, where analytics.js looks for its chunks on a CDN. Nothing comes from the network.
 */
final class LocalSite implements AutoCloseable {

    static final String BUNDLES = "/analytics-next/bundles/";
    private static final Pattern BUNDLE_FILE = Pattern.compile("[A-Za-z0-9._-]+\\.js");

    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    private LocalSite(HttpServer server) {
        this.server = server;
    }

    static LocalSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalSite site = new LocalSite(server);
            server.createContext("/", site::serve);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site's origin, as a browser sends it in {@code Origin}: {@code http://127.0.0.1:<port>}. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code html} at {@code path} and answers the page's full URL. */
    String addPage(String path, String html) {
        pages.put(path, html);
        return origin() + path;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(BUNDLES) && BUNDLE_FILE.matcher(path.substring(BUNDLES.length())).matches()) {
                Path file = SegmentClients.ANALYTICS_JS_BUNDLES.resolve(path.substring(BUNDLES.length()));
                if (Files.isRegularFile(file)) {
                    respond(exchange, "text/javascript; charset=utf-8", Files.readAllBytes(file));
                    return;
                }
            }
            String page = pages.get(path);
            if (page != null) {
                respond(exchange, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
                return;
            }
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private static void respond(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.nurture.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a Segment-compatible tracking API that keeps every request exactly as a client sent it: it answers
 * {@code 200 {"success":true}} (or a 503 for the first {@link #failNext} posts) and allows any origin's preflight.
 */
final class RecordingTrackingApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    private RecordingTrackingApi(HttpServer server) {
        this.server = server;
    }

    static RecordingTrackingApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            RecordingTrackingApi api = new RecordingTrackingApi(server);
            server.createContext("/", api::record);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code times} posts are recorded and answered 503, as an overloaded server would. */
    void failNext(int times) {
        failures.set(times);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> posts() {
        return requests.stream().filter(request -> request.method().equals("POST")).toList();
    }

    private void record(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            requests.add(new Request(method, exchange.getRequestURI().getPath(), headers, body));
            String origin = headers.get("origin");
            if (origin != null) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            }
            if (method.equals("OPTIONS")) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
                exchange.getResponseHeaders().set("Access-Control-Allow-Headers",
                        headers.getOrDefault("access-control-request-headers", ""));
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] answer = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** headers by lower-case name. */
    record Request(String method, String path, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }
}

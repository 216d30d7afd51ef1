package io.nurture.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Between a client and the app: passes every request on, but for the first {@code lost} posts throws the app's
 * answer away and tells the client 503, as a load balancer that times out after the app has stored the events would.
 * The client then retries what the app already has. A browser's CORS headers go through both ways.
 */
final class AnswerLosingProxy implements AutoCloseable {

    private static final List<String> PASSED_HEADERS = List.of("Authorization", "Content-Type", "User-Agent",
            "X-Retry-Count", "Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers");

    private final HttpServer server;
    private final String target;
    private final AtomicInteger answersToLose;
    private final AtomicInteger passed = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    private AnswerLosingProxy(HttpServer server, String target, int lost) {
        this.server = server;
        this.target = target;
        this.answersToLose = new AtomicInteger(lost);
    }

    /** {@code target} like {@code http://127.0.0.1:8080}. */
    static AnswerLosingProxy to(String target, int lost) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AnswerLosingProxy proxy = new AnswerLosingProxy(server, target, lost);
            server.createContext("/", proxy::pass);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many posts reached the app. */
    int passed() {
        return passed.get();
    }

    private void pass(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            PASSED_HEADERS.forEach(name -> {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            });
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            boolean post = exchange.getRequestMethod().equals("POST");
            if (post) {
                passed.incrementAndGet();
            }
            if (post && answersToLose.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            answer.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.nurture;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Talks to a running Nurture over real HTTP, as an integration or another tool would. */
public class NurtureClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String baseUrl;

    public NurtureClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public Response get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    public Response delete(String path, String user) {
        return send(request(path, user).DELETE().build());
    }

    public Response post(String path, String json, String user) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response put(String path, String json, String user) {
        return send(request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Logs into a Camunda webapp as the browser does: fetch the page for the CSRF cookie, then post the form. */
    public Response webappLogin(String app, String user, String password) {
        get("/camunda/app/" + app + "/default/", null);
        String csrfToken = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build());
    }

    /** A JSON POST in the webapp session of {@link #webappLogin}, with the CSRF token the webapps require. */
    public Response webappPost(String path, String json) {
        get("/camunda/api/admin/auth/user/default", null); // a new session (after the login) gets a new token
        String csrfToken = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie: log in first"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrfToken).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** {@code user} is a demo user whose password equals its name; null sends no credentials. */
    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (user != null) {
            builder.header("Authorization", basic(user, user));
        }
        return builder;
    }

    /** The one open task of the contact's process instances that {@code user} may see, once there is exactly one. */
    public JsonNode singleTask(String contactId, String user) {
        List<JsonNode> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            get("/engine-rest/task?processInstanceBusinessKey=" + contactId, user).json().forEach(found::add);
            return found.size() == 1;
        });
        return found.get(0);
    }

    /** Completes a task through /engine-rest as {@code user}; {@code variables} is the JSON of its variables. */
    public void completeTask(JsonNode task, String user, String variables) {
        Response response = post("/engine-rest/task/" + task.get("id").asText() + "/complete",
                "{\"variables\": " + variables + "}", user);
        if (response.status() != 204) {
            throw new AssertionError("Completing task " + task.get("name") + " gave " + response.status() + ": "
                    + response.body());
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Response(int status, String body, String contentType) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }
}

package io.nurture.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nurture.NurtureClient;

/**
 * A browser or script at one client address. The tests run on the loopback interface, which Tomcat trusts as a
 * proxy, so Nurture takes the address from {@code X-Forwarded-For} as it would behind a load balancer.
 */
final class ClientAt {

    private static final Pattern DASHBOARD_TOKEN = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String baseUrl;
    private final String address;

    ClientAt(int port, String address) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.address = address;
    }

    /** A GET with HTTP Basic credentials, as an integration calls {@code /api} or {@code /engine-rest}. */
    HttpResponse<String> basic(String path, String user, String password) {
        return send(request(path).header("Authorization", NurtureClient.basic(user, password)).GET());
    }

    /** A POST with a text/plain body and the given header names and values, as analytics.js posts events. */
    HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "text/plain");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The Tasklist login form as the browser posts it: the page first for the CSRF cookie. */
    HttpResponse<String> tasklistLogin(String user, String password) {
        send(request("/camunda/app/tasklist/default/").GET());
        String csrfToken = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                .findFirst().orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
        return send(request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken)
                .POST(form("username", user, "password", password)));
    }

    /** The dashboard's login form: the page first for the session and its form token. */
    HttpResponse<String> dashboardLogin(String user, String password) {
        Matcher token = DASHBOARD_TOKEN.matcher(send(request("/dashboard/login").GET()).body());
        if (!token.find()) {
            throw new IllegalStateException("no token in the dashboard login form");
        }
        return send(request("/dashboard/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("username", user, "password", password, "next", "/dashboard", "token", token.group(1))));
    }

    /** Camunda's password check for any user, open to every logged-in user of {@code /engine-rest}. */
    HttpResponse<String> verify(String asUser, String user, String password) {
        return send(request("/engine-rest/identity/verify")
                .header("Authorization", NurtureClient.basic(asUser, asUser))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(user, password))));
    }

    String address() {
        return address;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-Forwarded-For", address);
    }

    private static HttpRequest.BodyPublisher form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(form.toString());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

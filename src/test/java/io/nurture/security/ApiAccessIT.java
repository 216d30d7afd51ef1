package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.nurture.JobsOffAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * Every /api endpoint as every demo user, over real HTTP: the groups named in the README may call it, everyone else
 * gets a 403 problem and changes nothing. The expectations are written out here, not read from {@link ApiAccessRules}.
 */
@JobsOffAppTest
class ApiAccessIT {

    /** Every demo user; each password equals the name. demo is the admin (camunda-admin). */
    static final List<String> USERS = List.of("demo", "integration", "marketer", "sales", "sdr", "sdrlead", "success",
            "privacy", "monitoring");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    record Endpoint(String name, Set<String> allowed, Function<ApiAccessIT, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> everyEndpointAsEveryUser() {
        Set<String> readers = Set.of("demo", "marketer", "sales");
        Set<String> docReaders = Set.of("demo", "integration", "marketer", "sales", "privacy");
        Set<String> marketers = Set.of("demo", "marketer");
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST /api/events", Set.of("demo", "integration"), it -> it.api.post("/api/events",
                        "{\"type\": \"page_view\", \"anonymousId\": \"access-" + UUID.randomUUID() + "\"}",
                        it.user)),
                new Endpoint("GET /api/contacts?email=", readers,
                        it -> it.api.get("/api/contacts?email=ada@example.com", it.user)),
                new Endpoint("GET /api/contacts/{id}", readers,
                        it -> it.api.get("/api/contacts/" + it.contact(), it.user)),
                new Endpoint("GET /api/contacts/{id}/score-history", readers,
                        it -> it.api.get("/api/contacts/" + it.contact() + "/score-history", it.user)),
                new Endpoint("DELETE /api/contacts/{id}", Set.of("demo", "privacy"),
                        it -> it.api.delete("/api/contacts/" + it.contact(), it.user)),
                new Endpoint("GET /api/erasures?contactId=", Set.of("demo", "privacy"),
                        it -> it.api.get("/api/erasures?contactId=" + it.contact(), it.user)),
                new Endpoint("POST /api/contacts/{id}/deal", Set.of("demo", "sales"),
                        it -> it.api.post("/api/contacts/" + it.contact() + "/deal",
                                "{\"status\": \"won\", \"amount\": 100}", it.user)),
                new Endpoint("GET /api/contacts/{id}/notifications", Set.of("demo", "integration", "marketer", "sales"),
                        it -> it.api.get("/api/contacts/" + it.contact() + "/notifications", it.user)),
                new Endpoint("POST /api/contacts/{id}/notifications/{nid}/read", Set.of("demo", "integration"),
                        it -> it.api.post("/api/contacts/" + it.contact() + "/notifications/none/read", "", it.user)),
                new Endpoint("GET /api/reports/funnel", readers, it -> it.api.get("/api/reports/funnel", it.user)),
                new Endpoint("GET /api/reports/velocity", readers, it -> it.api.get("/api/reports/velocity", it.user)),
                new Endpoint("GET /api/reports/campaigns", readers,
                        it -> it.api.get("/api/reports/campaigns", it.user)),
                new Endpoint("GET /api/reports/nurture", readers, it -> it.api.get("/api/reports/nurture", it.user)),
                new Endpoint("GET /api/reports/contacts?q=@", readers,
                        it -> it.api.get("/api/reports/contacts?q=@", it.user)),
                new Endpoint("GET /api/reports/contacts/{id}/timeline", readers,
                        it -> it.api.get("/api/reports/contacts/" + it.contact() + "/timeline", it.user)),
                new Endpoint("GET /api/campaigns/{campaign}/splits", readers,
                        it -> it.api.get("/api/campaigns/welcome/splits", it.user)),
                new Endpoint("POST /api/segments", Set.of("demo", "marketer"), it -> it.api.post("/api/segments",
                        "{\"name\": \"access-" + UUID.randomUUID() + "\", \"rule\": " + ACCESS_RULE + "}", it.user)),
                new Endpoint("GET /api/segments", readers, it -> it.api.get("/api/segments", it.user)),
                new Endpoint("GET /api/segments/{id}", readers,
                        it -> it.api.get("/api/segments/" + it.segment(), it.user)),
                new Endpoint("PUT /api/segments/{id}", Set.of("demo", "marketer"),
                        it -> it.api.put("/api/segments/" + it.segment(), "{\"rule\": {\"any\": [{\"field\": "
                                + "\"country\", \"op\": \"eq\", \"value\": \"FR\"}]}}", it.user)),
                new Endpoint("DELETE /api/segments/{id}", Set.of("demo", "marketer"),
                        it -> it.api.delete("/api/segments/" + it.segment(), it.user)),
                new Endpoint("POST /api/segments/preview", Set.of("demo", "marketer"),
                        it -> it.api.post("/api/segments/preview", "{\"rule\": " + ACCESS_RULE + "}", it.user)),
                new Endpoint("GET /api/segments/{id}/members", readers,
                        it -> it.api.get("/api/segments/" + it.segment() + "/members", it.user)),
                new Endpoint("GET /api/segments/{id}/members?format=csv", readers,
                        it -> it.api.get("/api/segments/" + it.segment() + "/members?format=csv", it.user)),
                new Endpoint("GET /api/segments/{id}/sizes", readers,
                        it -> it.api.get("/api/segments/" + it.segment() + "/sizes", it.user)),
                new Endpoint("GET /api/contacts/{id}/segments", readers,
                        it -> it.api.get("/api/contacts/" + it.contact() + "/segments", it.user)),
                new Endpoint("GET /api/campaigns/{key}/migration", Set.of("demo", "marketer"),
                        it -> it.api.get("/api/campaigns/welcome/migration", it.user)),
                // from version 1 to 1: refused as bad input (400) by whoever may call it, before anything moves
                new Endpoint("POST /api/campaigns/{key}/migration", Set.of("demo", "marketer"),
                        it -> it.api.post("/api/campaigns/welcome/migration",
                                "{\"fromVersion\": 1, \"toVersion\": 1}", it.user)),
                new Endpoint("GET /api/campaigns/migrations/{batchId}", Set.of("demo", "marketer"),
                        it -> it.api.get("/api/campaigns/migrations/none", it.user)),
                // a short run of the shipped welcome series for one silent persona
                new Endpoint("POST /api/simulations", Set.of("demo", "marketer"),
                        it -> it.api.post("/api/simulations", "{\"campaign\": \"welcome\", \"days\": 3,"
                                + " \"personas\": [{\"preset\": \"low-fit-silent\"}]}", it.user)),
                new Endpoint("GET /api/simulations/personas", Set.of("demo", "marketer"),
                        it -> it.api.get("/api/simulations/personas", it.user)),
                new Endpoint("GET /api/campaigns/{key}/suspension", Set.of("demo", "marketer"),
                        it -> it.api.get("/api/campaigns/welcome/suspension", it.user)),
                // a reason too long: refused as bad input (400) by whoever may call it, before anything is suspended
                new Endpoint("POST /api/campaigns/{key}/suspension", Set.of("demo", "marketer"),
                        it -> it.api.post("/api/campaigns/welcome/suspension",
                                "{\"reason\": \"" + "x".repeat(201) + "\"}", it.user)),
                // resuming an active campaign changes nothing
                new Endpoint("DELETE /api/campaigns/{key}/suspension", Set.of("demo", "marketer"),
                        it -> it.api.delete("/api/campaigns/welcome/suspension", it.user)),
                new Endpoint("POST /api/lists", marketers, it -> it.api.post("/api/lists",
                        "{\"name\": \"access-" + UUID.randomUUID() + "\"}", it.user)),
                new Endpoint("GET /api/lists", marketers, it -> it.api.get("/api/lists", it.user)),
                new Endpoint("GET /api/lists/{id}", marketers, it -> it.api.get("/api/lists/none", it.user)),
                new Endpoint("DELETE /api/lists/{id}", marketers, it -> it.api.delete("/api/lists/none", it.user)),
                new Endpoint("GET /api/lists/{id}/members", marketers,
                        it -> it.api.get("/api/lists/none/members", it.user)),
                new Endpoint("POST /api/lists/{id}/members", marketers, it -> it.api.post("/api/lists/none/members",
                        "{\"contactIds\": [\"" + it.contact() + "\"]}", it.user)),
                new Endpoint("DELETE /api/lists/{id}/members/{contactId}", marketers,
                        it -> it.api.delete("/api/lists/none/members/" + it.contact(), it.user)),
                new Endpoint("GET /api/contacts/{id}/lists", marketers,
                        it -> it.api.get("/api/contacts/" + it.contact() + "/lists", it.user)),
                // a dry run: it stores no contact
                new Endpoint("POST /api/imports", marketers, it -> it.upload("email\naccess@example.com\n")),
                new Endpoint("GET /api/imports", marketers, it -> it.api.get("/api/imports", it.user)),
                new Endpoint("GET /api/imports/{id}", marketers, it -> it.api.get("/api/imports/none", it.user)),
                new Endpoint("GET /api/imports/{id}/errors", marketers,
                        it -> it.api.get("/api/imports/none/errors", it.user)),
                // neither a segment nor a list: refused as bad input (400) by whoever may call it
                new Endpoint("POST /api/campaigns/{key}/enrolments", Set.of("demo", "marketer"),
                        it -> it.api.post("/api/campaigns/drip/enrolments", "{}", it.user)),
                new Endpoint("GET /api/campaigns/{key}/enrolments", Set.of("demo", "marketer"),
                        it -> it.api.get("/api/campaigns/drip/enrolments", it.user)),
                new Endpoint("GET /api/campaigns/enrolments/{id}", Set.of("demo", "marketer"),
                        it -> it.api.get("/api/campaigns/enrolments/none", it.user)),
                new Endpoint("POST /api/sources", Set.of("demo"), it -> it.api.post("/api/sources",
                        "{\"name\": \"access-" + UUID.randomUUID().toString().substring(0, 8) + "\"}", it.user)),
                new Endpoint("GET /api/sources", Set.of("demo"), it -> it.api.get("/api/sources", it.user)),
                new Endpoint("POST /api/sources/{name}/keys", Set.of("demo"),
                        it -> it.api.post("/api/sources/access/keys", "", it.user)),
                new Endpoint("DELETE /api/sources/{name}/keys/{keyId}", Set.of("demo"),
                        it -> it.api.delete("/api/sources/access/keys/" + UUID.randomUUID(), it.user)),
                new Endpoint("GET /api/inbox", Set.of("demo"), it -> it.api.get("/api/inbox", it.user)),
                new Endpoint("GET /api/inbox/sms", Set.of("demo"), it -> it.api.get("/api/inbox/sms", it.user)),
                new Endpoint("GET /inbox", Set.of("demo"), it -> it.api.get("/inbox", it.user)),
                new Endpoint("GET /api/docs", docReaders, it -> it.api.get("/api/docs", it.user)),
                new Endpoint("GET /api/docs/ui", docReaders, it -> it.api.get("/api/docs/ui", it.user)),
                new Endpoint("GET /api/docs/swagger-ui/index.html", docReaders,
                        it -> it.api.get("/api/docs/swagger-ui/index.html", it.user)),
                new Endpoint("GET /actuator/prometheus", Set.of("demo", "monitoring"),
                        it -> it.api.get("/actuator/prometheus", it.user)));
        return endpoints.stream().flatMap(endpoint -> USERS.stream().map(user -> Arguments.of(endpoint, user)));
    }

    private static final String ACCESS_RULE = "{\"all\": [{\"field\": \"country\", \"op\": \"eq\", \"value\": \"DE\"}]}";

    private String user;
    private String contactId;
    private String segmentId;

    private Response upload(String csv) {
        String body = "--b\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\ntrue\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--b--\r\n";
        return api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/imports"))
                .header("Authorization", NurtureClient.basic(user, user))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource
    void everyEndpointAsEveryUser(Endpoint endpoint, String user) {
        this.user = user;
        contact();
        long contactsBefore = contacts();

        Response response = endpoint.call().apply(this);

        if (endpoint.allowed().contains(user)) {
            assertThat(response.status()).as(response.body()).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asText()).contains("is for the groups").contains(user);
            assertThat(contacts()).as("a refused call changes nothing").isEqualTo(contactsBefore);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE id = ?").param(contactId).query(Long.class)
                    .single()).isEqualTo(1);
        }
    }

    @Test
    void anSdrCannotListEraseOrCloseAnything() {
        String id = contact();

        Response list = api.get("/api/reports/contacts?q=@", "sdr");
        Response erase = api.delete("/api/contacts/" + id, "sdr");
        Response deal = api.post("/api/contacts/" + id + "/deal", "{\"status\": \"won\", \"amount\": 1}", "sdr");
        Response event = api.post("/api/events", "{\"type\": \"purchase\", \"contactId\": \"" + id + "\"}", "sdr");

        assertThat(List.of(list.status(), erase.status(), deal.status(), event.status())).containsOnly(403);
        assertThat(list.body()).doesNotContain("@example.com");
        assertThat(api.get("/api/contacts/" + id, "demo").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_event WHERE contact_id = ? AND type = 'purchase'")
                .param(id).query(Long.class).single()).isZero();
    }

    @Test
    void theRuleFollowsTheHandlerWhateverThePathsSpelling() {
        for (String path : List.of("/api/%72eports/contacts?q=@", "/api/reports/contacts;x=y?q=@",
                "/api/reports/./contacts?q=@", "/API/reports/contacts?q=@", "/api/reports/contacts/?q=@")) {
            Response response = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Authorization", NurtureClient.basic("sdr", "sdr")).GET().build());
            assertThat(response.status()).as(path + ": " + response.body()).isIn(400, 401, 403, 404);
            assertThat(response.body()).as(path).doesNotContain("@example.com");
        }
    }

    @Test
    void everyApiHandlerHasARule() {
        Set<String> unruled = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!ApiAccessRules.guards(pattern)) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(method -> {
                    if (ApiAccessRules.find(method.name(), pattern).isEmpty()) {
                        unruled.add(method + " " + pattern);
                    }
                });
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                    unruled.add("any method " + pattern);
                }
            }
        }
        assertThat(unruled).as("/api handlers that nobody could call").isEmpty();
    }

    @Test
    void theMetricsNeedAMonitoringLoginAndTheProbesNone() {
        Response anonymous = api.get("/actuator/prometheus", null);
        Response unknownUser = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/actuator/prometheus"))
                .header("Authorization", NurtureClient.basic("nobody", "monitoring")).GET().build());

        assertThat(List.of(anonymous.status(), unknownUser.status())).containsOnly(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body()).doesNotContain("nurture_");
        assertThat(api.get("/actuator/prometheus", "monitoring").body()).contains("jvm_memory_used_bytes");
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/info", null).status()).isEqualTo(200);
    }

    @Test
    void theMetricsRuleHoldsWhateverThePathsSpelling() {
        for (String path : List.of("/actuator/prometheus/", "/actuator/%70rometheus", "/actuator/prometheus;x=y",
                "/actuator/health/../prometheus", "/actuator/./prometheus", "/actuator/health/%2e%2e/prometheus",
                "/actuator/health;/../prometheus", "/actuator/metrics", "/actuator/env")) {
            Response response = api.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .header("Authorization", NurtureClient.basic("sdr", "sdr")).GET().build());
            assertThat(response.status()).as(path + ": " + response.body()).isIn(400, 403, 404);
            assertThat(response.body()).as(path).doesNotContain("nurture_");
        }
    }

    @Test
    void aUserInNoGroupIsRefusedWithAProblem() {
        Response response = api.get("/api/reports/funnel", "sdrlead");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asText())
                .isEqualTo("GET /api/reports/funnel is for the groups marketing, sales, camunda-admin; "
                        + "'sdrlead' is in none of them");
        assertThat(response.json().get("status").asInt()).isEqualTo(403);
        assertThat(response.json().has("properties")).as("the shape Spring MVC writes, no null member").isFalse();
    }

    /** A segment made by the admin, for the cases that read or edit one. */
    private String segment() {
        if (segmentId == null) {
            segmentId = api.post("/api/segments", "{\"name\": \"access-" + UUID.randomUUID() + "\", \"rule\": "
                    + ACCESS_RULE + "}", "demo").json().get("id").asText();
        }
        return segmentId;
    }

    /** A contact of its own for each case, so an allowed erasure does not take another case's contact. */
    private String contact() {
        if (contactId == null) {
            contactId = api.post("/api/events", "{\"type\": \"form_submitted\", \"email\": \"access-"
                    + UUID.randomUUID() + "@example.com\"}", "demo").json().get("contactId").asText();
        }
        return contactId;
    }

    private long contacts() {
        return jdbc.sql("SELECT COUNT(*) FROM contact").query(Long.class).single();
    }
}

package io.nurture.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * Who may call each endpoint of Nurture's own API: the one place that says it (README "Who may do what" mirrors it).
 * A rule names the handler's mapping exactly as its controller declares it; an /api handler without a rule is open to
 * nobody. SDRs work from Tasklist, whose forms show them the contact, so they have no rule here.
 */
public final class ApiAccessRules {

    public static final String ADMIN = "camunda-admin";
    public static final String INTEGRATION = "integration";
    public static final String MARKETING = "marketing";
    public static final String SALES = "sales";
    public static final String PRIVACY = "privacy";
    /** reads the metrics, {@code /actuator/prometheus}: a Prometheus scraper's account */
    public static final String MONITORING = "monitoring";

    /** Who may read the actuator's endpoints other than health and info (see {@link MetricsAccessFilter}). */
    static final List<String> METRICS_READERS = List.of(MONITORING, ADMIN);

    private static final String[] DOCS_READERS = { INTEGRATION, MARKETING, SALES, PRIVACY, ADMIN };

    static final List<Rule> RULES = List.of(
            allow(HttpMethod.POST, "/api/events", INTEGRATION, ADMIN),
            allow(HttpMethod.GET, "/api/contacts", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/contacts/{id}", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/contacts/{id}/score-history", MARKETING, SALES, ADMIN),
            allow(HttpMethod.DELETE, "/api/contacts/{id}", PRIVACY, ADMIN),
            allow(HttpMethod.GET, "/api/erasures", PRIVACY, ADMIN),
            allow(HttpMethod.POST, "/api/contacts/{id}/deal", SALES, ADMIN),
            // the product's own app shows and marks its in-app notifications
            allow(HttpMethod.GET, "/api/contacts/{id}/notifications", INTEGRATION, MARKETING, SALES, ADMIN),
            allow(HttpMethod.POST, "/api/contacts/{id}/notifications/{notificationId}/read", INTEGRATION, ADMIN),
            allow(HttpMethod.GET, "/api/reports/funnel", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/reports/velocity", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/reports/campaigns", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/reports/nurture", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/reports/events", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/reports/contacts", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/reports/contacts/{id}/timeline", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/campaigns/{campaign}/splits", MARKETING, SALES, ADMIN),
            // segments: the marketers build them, sales reads them too
            allow(HttpMethod.POST, "/api/segments", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/segments", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/segments/{id}", MARKETING, SALES, ADMIN),
            allow(HttpMethod.PUT, "/api/segments/{id}", MARKETING, ADMIN),
            allow(HttpMethod.DELETE, "/api/segments/{id}", MARKETING, ADMIN),
            allow(HttpMethod.POST, "/api/segments/preview", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/segments/{id}/members", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/segments/{id}/sizes", MARKETING, SALES, ADMIN),
            allow(HttpMethod.GET, "/api/contacts/{id}/segments", MARKETING, SALES, ADMIN),
            // moving running instances to a new version: the marketers who deploy the versions, and the admins
            allow(HttpMethod.GET, "/api/campaigns/{key}/migration", MARKETING, ADMIN),
            allow(HttpMethod.POST, "/api/campaigns/{key}/migration", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/campaigns/migrations/{batchId}", MARKETING, ADMIN),
            // previewing a campaign on simulated time: the marketers who build campaigns, and the admins
            allow(HttpMethod.POST, "/api/simulations", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/simulations/personas", MARKETING, ADMIN),
            // suspending a running campaign (nothing sent, new contacts wait) and resuming it: the same marketers
            allow(HttpMethod.GET, "/api/campaigns/{key}/suspension", MARKETING, ADMIN),
            allow(HttpMethod.POST, "/api/campaigns/{key}/suspension", MARKETING, ADMIN),
            allow(HttpMethod.DELETE, "/api/campaigns/{key}/suspension", MARKETING, ADMIN),
            // static lists and contact import: the marketers who build audiences, and the admins
            allow(HttpMethod.POST, "/api/lists", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/lists", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/lists/{id}", MARKETING, ADMIN),
            allow(HttpMethod.DELETE, "/api/lists/{id}", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/lists/{id}/members", MARKETING, ADMIN),
            allow(HttpMethod.POST, "/api/lists/{id}/members", MARKETING, ADMIN),
            allow(HttpMethod.DELETE, "/api/lists/{id}/members/{contactId}", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/contacts/{id}/lists", MARKETING, ADMIN),
            allow(HttpMethod.POST, "/api/imports", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/imports", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/imports/{id}", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/imports/{id}/errors", MARKETING, ADMIN),
            // enrolling a segment's or a list's members in a campaign, and its progress
            allow(HttpMethod.POST, "/api/campaigns/{key}/enrolments", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/campaigns/{key}/enrolments", MARKETING, ADMIN),
            allow(HttpMethod.GET, "/api/campaigns/enrolments/{id}", MARKETING, ADMIN),
            // the tracking API's sources and their write keys (a key is shown once, when made)
            allow(HttpMethod.POST, "/api/sources", ADMIN),
            allow(HttpMethod.GET, "/api/sources", ADMIN),
            allow(HttpMethod.POST, "/api/sources/{name}/keys", ADMIN),
            allow(HttpMethod.DELETE, "/api/sources/{name}/keys/{keyId}", ADMIN),
            // every mail with its signed unsubscribe links
            allow(HttpMethod.GET, "/api/inbox", ADMIN),
            allow(HttpMethod.GET, "/api/inbox/sms", ADMIN),
            allow(HttpMethod.GET, "/inbox", ADMIN),
            // the OpenAPI description and Swagger UI (apidocs): for every group with an /api endpoint of its own
            allow(HttpMethod.GET, "/api/docs", DOCS_READERS),
            allow(HttpMethod.GET, "/api/docs.yaml", DOCS_READERS),
            allow(HttpMethod.GET, "/api/docs/swagger-config", DOCS_READERS),
            allow(HttpMethod.GET, "/api/docs/ui", DOCS_READERS),
            allow(HttpMethod.GET, "/api/docs/swagger-ui/**", DOCS_READERS),
            allow(HttpMethod.GET, "/api/docs/swagger-ui/*swagger-initializer.js", DOCS_READERS));

    private ApiAccessRules() {
    }

    /** The handler paths that need a logged-in user with a rule: Nurture's API and the built-in inbox page. */
    static boolean guards(String pattern) {
        return pattern.equals("/api") || pattern.startsWith("/api/") || pattern.equals("/inbox");
    }

    static Optional<Rule> find(String method, String pattern) {
        return RULES.stream().filter(rule -> rule.method().matches(method) && rule.pattern().equals(pattern))
                .findFirst();
    }

    /** The groups that may call a handler mapping, for the API's documentation; empty when no rule names it. */
    public static Optional<List<String>> groupsFor(String method, String pattern) {
        return find(method, pattern).map(Rule::groups);
    }

    private static Rule allow(HttpMethod method, String pattern, String... groups) {
        return new Rule(method, pattern, List.of(groups));
    }

    record Rule(HttpMethod method, String pattern, List<String> groups) {

        boolean allows(Set<String> memberOf) {
            return groups.stream().anyMatch(memberOf::contains);
        }
    }
}

package io.nurture.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/** Leads of one company by country, and a live segment of its German ones, over the API as a marketer makes them. */
final class CompanyAudience {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final NurtureClient api;
    private final String company;

    CompanyAudience(NurtureClient api, String company) {
        this.api = api;
        this.company = company;
    }

    /** A segment of the company's leads in Germany, once its first build is done. */
    String germans(String name) {
        Response created = api.post("/api/segments", """
                {"name": "%s", "rule": {"all": [{"field": "company", "op": "eq", "value": "%s"},
                  {"field": "country", "op": "eq", "value": "DE"}]}}""".formatted(name, company), "marketer");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        await().atMost(PATIENCE).until(() -> api.get("/api/segments/" + id, "marketer").json().get("rebuild")
                .get("state").asText().equals("done"));
        return id;
    }

    boolean isMember(String segment, String contact) {
        return api.get("/api/contacts/" + contact + "/segments", "marketer").json().get("current")
                .findValuesAsText("segmentId").contains(segment);
    }

    /** A new lead of the company from a form, in {@code country}; its contact id. */
    String lead(String country) {
        Response response = api.post("/api/events", """
                {"type": "form_submitted", "email": "lead-%s@example.com",
                 "properties": {"company": "%s", "country": "%s"}}""".formatted(UUID.randomUUID(), company, country),
                "integration");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("contactId").asText();
    }
}

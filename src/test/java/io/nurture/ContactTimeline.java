package io.nurture;

import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** What the contact timeline report and the job API tell a test about a contact's events, sends and pending jobs. */
public final class ContactTimeline {

    private ContactTimeline() {
    }

    /** Timeline entries of {@code kind} with {@code title}; for sends, only those that went out. */
    public static long entries(NurtureClient api, String contactId, String kind, String title) {
        JsonNode timeline = api.get("/api/reports/contacts/" + contactId + "/timeline", "demo").json();
        return StreamSupport.stream(timeline.path("entries").spliterator(), false)
                .filter(entry -> kind.equals(entry.path("kind").asText()) && title.equals(entry.path("title").asText())
                        && (!"send".equals(kind) || entry.path("detail").asText().endsWith("SENT")))
                .count();
    }

    /** Welcome instances still before their first mail (async jobs, locked by a dead node or not). */
    public static long welcomeSendJobs(NurtureClient api) {
        return api.get("/engine-rest/job/count?processDefinitionKey=welcome&messages=true", "demo").json()
                .get("count").asLong();
    }
}

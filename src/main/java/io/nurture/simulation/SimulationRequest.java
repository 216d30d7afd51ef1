package io.nurture.simulation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.nurture.web.RefuseUnknownFields;

/**
 * {@code POST /api/simulations}: a deployed campaign ({@code campaign}, optionally {@code version}; the latest
 * otherwise) or a diagram not yet deployed ({@code bpmn}, its XML), the personas (the four-persona matrix when none
 * is given), when the simulation starts ({@code startAt}, default the next Monday 09:00 UTC), how many days it runs
 * ({@code days}, default 90) and extra start variables ({@code variables}, e.g. a cart's URL).
 */
@RefuseUnknownFields
public record SimulationRequest(String campaign, Integer version, String bpmn, Instant startAt, Integer days,
        List<PersonaRequest> personas, Map<String, Object> variables) {

    /**
     * A test contact: a {@code preset} of the matrix ({@code high-fit-engaged}, {@code high-fit-silent},
     * {@code low-fit-engaged}, {@code low-fit-silent}), or a {@code name} with a {@code profile}, how it reacts to the
     * mails it gets ({@code engagement}) and a {@code script} of what it does when.
     */
    @RefuseUnknownFields
    public record PersonaRequest(String preset, String name, ProfileRequest profile, EngagementRequest engagement,
            List<ScriptStep> script, String variant) {
    }

    /** The contact's fields; unset ones take the persona's defaults ({@code stage} LEAD, scores 0). */
    @RefuseUnknownFields
    public record ProfileRequest(String firstName, String lastName, String email, String company, String industry,
            String country, String source, String phone, Boolean consentEmail, Boolean consentSms, String stage,
            Integer behaviourScore, Integer fitScore, String timeZone) {
    }

    /**
     * How the persona reacts to each e-mail: the share of them it opens and clicks (0 to 1, in the order received:
     * 0.5 clicks every second one), {@code after} each arrives (an ISO duration, default PT2H).
     */
    @RefuseUnknownFields
    public record EngagementRequest(Double opens, Double clicks, String after) {
    }

    /**
     * One scripted act, {@code day} days after the start (fractions are hours: 2.5 is noon on day 2): an
     * {@code event} (its type, e.g. {@code demo_requested}, {@code email_opened}, {@code unsubscribed}; for opens and
     * clicks, {@code email} is the number of the e-mail in the order received, 1 the first), or {@code complete} the
     * user task with that step id, with {@code variables} (e.g. an SDR's outcome).
     */
    @RefuseUnknownFields
    public record ScriptStep(Double day, String event, Integer email, Map<String, Object> properties,
            String complete, Map<String, Object> variables) {
    }
}

package io.nurture.contact;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

/** The JSON shape of a contact in the API; other modules add their fields as {@link ContactFacet}s. */
public record ContactView(String id, String email, String firstName, String lastName, String company,
        String industry, Integer companySize, String country, String source, String phone,
        LifecycleStage lifecycleStage, int behaviourScore, int fitScore, int score, Map<String, Boolean> consent,
        boolean unsubscribed, boolean disqualified, String disqualifiedReason, Instant createdAt, Long revenue,
        String techStack, String funding, @JsonIgnore Map<String, Object> facets) {

    /** The fields {@link ContactFacet}s add, e.g. stageHistory, marketingStatus and suppression. */
    @JsonAnyGetter
    Map<String, Object> facetFields() {
        return facets;
    }

    static ContactView of(Contact c, List<ContactFacet> facets) {
        Map<String, Boolean> consent = new LinkedHashMap<>();
        consent.put("email", c.consentEmail());
        consent.put("sms", c.consentSms());
        Map<String, Object> extra = new LinkedHashMap<>();
        facets.forEach(facet -> extra.putAll(facet.fieldsFor(c)));
        return new ContactView(c.id(), c.email(), c.firstName(), c.lastName(), c.company(), c.industry(),
                c.companySize(), c.country(), c.source(), c.phone(), c.lifecycleStage(), c.behaviourScore(),
                c.fitScore(), c.score(), consent, c.unsubscribed(), c.disqualified(), c.disqualifiedReason(),
                c.createdAt(), c.revenue(), c.techStack(), c.funding(), extra);
    }
}

package io.nurture.contact;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

import io.nurture.lifecycle.LifecycleStage;
import io.nurture.lifecycle.StageTransition;

/** The JSON shape of a contact in the API. */
public record ContactView(String id, String email, String firstName, String lastName, String company,
        String industry, Integer companySize, String country, String source, String phone,
        LifecycleStage lifecycleStage, int behaviourScore, int fitScore, int score, Map<String, Boolean> consent,
        boolean unsubscribed, boolean disqualified, String disqualifiedReason, Instant createdAt,
        List<StageTransition> stageHistory, Long revenue, String techStack, String funding,
        @JsonIgnore Map<String, Object> facets) {

    /** The fields {@link ContactFacet}s add, e.g. marketingStatus and suppression. */
    @JsonAnyGetter
    Map<String, Object> facetFields() {
        return facets;
    }

    static ContactView of(Contact c, List<StageTransition> history, List<ContactFacet> facets) {
        Map<String, Object> extra = new LinkedHashMap<>();
        facets.forEach(facet -> extra.putAll(facet.fieldsFor(c)));
        ContactView view = of(c, history);
        return new ContactView(view.id(), view.email(), view.firstName(), view.lastName(), view.company(),
                view.industry(), view.companySize(), view.country(), view.source(), view.phone(),
                view.lifecycleStage(), view.behaviourScore(), view.fitScore(), view.score(), view.consent(),
                view.unsubscribed(), view.disqualified(), view.disqualifiedReason(), view.createdAt(),
                view.stageHistory(), view.revenue(), view.techStack(), view.funding(), extra);
    }

    static ContactView of(Contact c, List<StageTransition> history) {
        Map<String, Boolean> consent = new LinkedHashMap<>();
        consent.put("email", c.consentEmail());
        consent.put("sms", c.consentSms());
        return new ContactView(c.id(), c.email(), c.firstName(), c.lastName(), c.company(), c.industry(),
                c.companySize(), c.country(), c.source(), c.phone(), c.lifecycleStage(), c.behaviourScore(),
                c.fitScore(), c.score(), consent, c.unsubscribed(), c.disqualified(), c.disqualifiedReason(),
                c.createdAt(), history, c.revenue(), c.techStack(), c.funding(), Map.of());
    }
}

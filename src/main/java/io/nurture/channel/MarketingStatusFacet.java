package io.nurture.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactFacet;

/**
 * Shows on the contact whether marketing reaches it: {@code "marketingStatus": "subscribed"} or the first reason it
 * does not (unsubscribed, disqualified, hard_bounce, complaint, sunset), and every reason in {@code "suppression"}.
 */
@Component
class MarketingStatusFacet implements ContactFacet {

    private final Suppressions suppressions;

    MarketingStatusFacet(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @Override
    public Map<String, Object> fieldsFor(Contact contact) {
        List<String> reasons = suppressions.reasonsFor(contact);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("marketingStatus", reasons.isEmpty() ? "subscribed" : reasons.get(0));
        fields.put("suppression", reasons);
        return fields;
    }
}

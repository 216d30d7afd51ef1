package io.nurture.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

public enum EventType {
    PAGE_VIEW, FORM_SUBMITTED, CONTENT_DOWNLOADED, WEBINAR_REGISTERED, WEBINAR_ATTENDED, NEWSLETTER_SUBSCRIBED,
    EMAIL_OPENED, EMAIL_CLICKED, EMAIL_BOUNCED, UNSUBSCRIBED, PRICING_PAGE_VIEW, DEMO_REQUESTED, CONTACT_US,
    PRODUCT_INQUIRY, CART_ABANDONED, PURCHASE, NPS_SUBMITTED, REFERRAL_MADE,
    /** a spam complaint reported by the mail provider (feedback loop) */
    EMAIL_COMPLAINED,
    /** the person asked for marketing e-mail again (preference page): lifts an unsubscribe, nothing else */
    RESUBSCRIBED;

    /** A change of mind about marketing that neither scores nor moves the stage. */
    public boolean changesConsentOnly() {
        return this == RESUBSCRIBED;
    }

    /** The wire name, lower snake case: {@code form_submitted}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
    }

    public static String allWireNames() {
        return Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "));
    }
}

package io.nurture.event;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.events.aliases}: event names, normalised ({@code order_completed}), that mean another type
 * ({@code purchase}). Segment's spec names for what Nurture knows are the defaults; set an alias to itself to keep a
 * name as its own custom type.
 */
@ConfigurationProperties("nurture.events")
public record EventTypeProperties(Map<String, String> aliases) {

    static final Map<String, String> DEFAULT_ALIASES = Map.ofEntries(
            Map.entry("order_completed", "purchase"),
            Map.entry("signed_up", "form_submitted"),
            Map.entry("lead_captured", "form_submitted"),
            Map.entry("page_viewed", "page_view"),
            Map.entry("webinar_registration", "webinar_registered"),
            Map.entry("newsletter_signup", "newsletter_subscribed"),
            Map.entry("content_download", "content_downloaded"),
            Map.entry("whitepaper_downloaded", "content_downloaded"),
            Map.entry("ebook_downloaded", "content_downloaded"),
            Map.entry("contact_requested", "contact_us"),
            Map.entry("cart_abandonment", "cart_abandoned"),
            Map.entry("referral_sent", "referral_made"),
            Map.entry("nps_survey_submitted", "nps_submitted"));

    public EventTypeProperties {
        aliases = aliases == null ? DEFAULT_ALIASES : aliases;
    }
}

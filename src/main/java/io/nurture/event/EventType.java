package io.nurture.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a contact did, by its wire name in lower snake case: one of the built-in types Nurture itself reacts to
 * ({@code form_submitted}, {@code email_clicked}…), or a site's own event ({@code trial_started}), which is stored,
 * counted and scored like any other and reaches the lifecycle rules and the campaigns by its name. Any name a sender
 * uses is made a wire name by {@link #normalise}; {@link EventTypes} also maps Segment's spec names.
 */
public record EventType(String wireName) {

    public static final int MAX_LENGTH = 40;
    static final Pattern WIRE_NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private static final Map<String, EventType> BUILT_IN = new LinkedHashMap<>();

    public static final EventType PAGE_VIEW = builtIn("page_view");
    public static final EventType FORM_SUBMITTED = builtIn("form_submitted");
    public static final EventType CONTENT_DOWNLOADED = builtIn("content_downloaded");
    public static final EventType WEBINAR_REGISTERED = builtIn("webinar_registered");
    public static final EventType WEBINAR_ATTENDED = builtIn("webinar_attended");
    public static final EventType NEWSLETTER_SUBSCRIBED = builtIn("newsletter_subscribed");
    public static final EventType EMAIL_OPENED = builtIn("email_opened");
    public static final EventType EMAIL_CLICKED = builtIn("email_clicked");
    public static final EventType EMAIL_BOUNCED = builtIn("email_bounced");
    public static final EventType UNSUBSCRIBED = builtIn("unsubscribed");
    public static final EventType PRICING_PAGE_VIEW = builtIn("pricing_page_view");
    public static final EventType DEMO_REQUESTED = builtIn("demo_requested");
    public static final EventType CONTACT_US = builtIn("contact_us");
    public static final EventType PRODUCT_INQUIRY = builtIn("product_inquiry");
    public static final EventType CART_ABANDONED = builtIn("cart_abandoned");
    public static final EventType PURCHASE = builtIn("purchase");
    public static final EventType NPS_SUBMITTED = builtIn("nps_submitted");
    public static final EventType REFERRAL_MADE = builtIn("referral_made");
    /** a spam complaint reported by the mail provider (feedback loop) */
    public static final EventType EMAIL_COMPLAINED = builtIn("email_complained");
    /** the person asked for marketing e-mail again (preference page): lifts an unsubscribe, nothing else */
    public static final EventType RESUBSCRIBED = builtIn("resubscribed");
    /** a company's traits (Segment's {@code group}): profile only, it scores fit, not behaviour */
    public static final EventType COMPANY_IDENTIFIED = builtIn("company_identified");
    /** the profile was updated (Segment's {@code identify}) */
    public static final EventType PROFILE_UPDATED = builtIn("profile_updated");

    public EventType {
        if (wireName == null || wireName.length() > MAX_LENGTH || !WIRE_NAME.matcher(wireName).matches()) {
            throw new IllegalArgumentException("not an event type wire name: " + wireName);
        }
    }

    private static EventType builtIn(String wireName) {
        EventType type = new EventType(wireName);
        BUILT_IN.put(wireName, type);
        return type;
    }

    /** Nurture reacts to it itself; any other type is a site's own, a custom event. */
    public boolean isBuiltIn() {
        return BUILT_IN.containsKey(wireName);
    }

    /** A change of mind about marketing: neither scores behaviour nor moves the stage. */
    public boolean changesConsentOnly() {
        return equals(RESUBSCRIBED);
    }

    /** The type of a stored or configured wire name, built-in or custom; empty when it is not one. */
    public static Optional<EventType> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        EventType builtIn = BUILT_IN.get(name);
        if (builtIn != null) {
            return Optional.of(builtIn);
        }
        return name.length() <= MAX_LENGTH && WIRE_NAME.matcher(name).matches() ? Optional.of(new EventType(name))
                : Optional.empty();
    }

    /**
     * Any sender's name as a wire name: {@code Trial Started}, {@code trialStarted}, {@code TRIAL-STARTED} and
     * {@code trial_started} are all {@code trial_started}. Empty when nothing of it is a letter or digit, when it
     * starts with a digit, or when it is longer than {@link #MAX_LENGTH} once normalised.
     */
    public static Optional<EventType> normalise(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String words = name.strip();
        if (!words.equals(words.toUpperCase(Locale.ROOT))) { // camelCase; an all-caps name has no word breaks in it
            words = words.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        }
        String snake = words.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        return fromWireName(snake);
    }

    public static List<EventType> builtIns() {
        return List.copyOf(BUILT_IN.values());
    }

    public static String allWireNames() {
        return BUILT_IN.keySet().stream().collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireName;
    }
}

package io.nurture.ingestion;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.nurture.ingestion.EventIngestionService.IncomingEvent;
import io.nurture.web.InvalidInputException;

/**
 * What one event may carry, checked before anything is stored. No real site comes near these numbers, and they keep
 * every value inside the place it ends up: a property string in a process variable or in a decision's history
 * (Camunda's text columns hold 4,000 characters), a number in a long or double column (never a Java BigInteger,
 * which the engine could only store serialized), identities in their columns.
 */
public final class EventLimits {

    /** Values in {@code properties}, nested ones and list items included. */
    static final int MAX_VALUES = 500;
    /** Levels below {@code properties}: {@code properties.consent.email} is level 2. */
    static final int MAX_DEPTH = 5;
    static final int MAX_KEY_LENGTH = 64;
    static final Pattern KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.:-]*");
    static final int MAX_TEXT_LENGTH = 1_000;
    /** Addresses are longer: browsers and analytics tools keep URLs up to about 2,000 characters. */
    static final int MAX_URL_LENGTH = 2_000;
    static final Set<String> URL_PROPERTIES = Set.of("page", "url", "referrer", "cartUrl");
    static final int MAX_LIST_ITEMS = 100;
    /** Whole numbers and decimals alike, |n| ≤ 10^15: exact in a double, so in JSON everywhere and in the engine. */
    static final long MAX_NUMBER = 1_000_000_000_000_000L;
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Clocks of senders drift; a day ahead is as far as a real event gets. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    /**
     * The columns of {@code contact_event.event_id}, {@code contact.email}, {@code contact_anonymous_id} and
     * {@code contact_user_id}.
     */
    public static final int MAX_EVENT_ID_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 320;
    public static final int MAX_ANONYMOUS_ID_LENGTH = 100;
    public static final int MAX_USER_ID_LENGTH = 200;
    static final int MAX_CONTACT_ID_LENGTH = 36;
    /** As a sender names it ("Product Added To Wishlist"); the type it normalises to has at most 40. */
    static final int MAX_TYPE_LENGTH = 100;

    private EventLimits() {
    }

    static void check(IncomingEvent event, Instant now) {
        identity("eventId", event.eventId(), MAX_EVENT_ID_LENGTH);
        identity("email", event.email(), MAX_EMAIL_LENGTH);
        identity("anonymousId", event.anonymousId(), MAX_ANONYMOUS_ID_LENGTH);
        identity("userId", event.userId(), MAX_USER_ID_LENGTH);
        identity("contactId", event.contactId(), MAX_CONTACT_ID_LENGTH);
        Instant latest = now.plus(MAX_AHEAD).truncatedTo(ChronoUnit.SECONDS);
        if (event.occurredAt().isBefore(EARLIEST) || event.occurredAt().isAfter(latest)) {
            throw new InvalidInputException("occurredAt must be between " + EARLIEST + " and a day from now ("
                    + latest + "), was " + event.occurredAt());
        }
        if (event.properties() != null) {
            new Walk().object("properties", event.properties(), 0);
        }
    }

    private static void identity(String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            throw new InvalidInputException(field + " must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field + " must not contain control characters");
        }
    }

    /** One pass over the properties, counting as it goes, so a huge map is refused at its 501st value. */
    private static final class Walk {

        private int values;

        void object(String path, Map<?, ?> object, int level) {
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String keyPath = path + "." + shortened(key);
                if (key.length() > MAX_KEY_LENGTH) {
                    throw new InvalidInputException(keyPath + ": property names must be at most " + MAX_KEY_LENGTH
                            + " characters");
                }
                if (!KEY.matcher(key).matches()) {
                    throw new InvalidInputException(keyPath + ": property names start with a letter, _ or $ and "
                            + "hold only letters, digits and _ $ . : -");
                }
                value(keyPath, key, entry.getValue(), level + 1);
            }
        }

        private void value(String path, String key, Object value, int level) {
            if (++values > MAX_VALUES) {
                throw new InvalidInputException("properties must hold at most " + MAX_VALUES
                        + " values, nested ones included (" + path + " is one too many)");
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                if (level >= MAX_DEPTH) {
                    throw new InvalidInputException(path + " is nested too deeply: at most " + MAX_DEPTH
                            + " levels below properties");
                }
                if (value instanceof Map<?, ?> map) {
                    object(path, map, level);
                } else {
                    list(path, key, (List<?>) value, level);
                }
            } else if (value instanceof String text) {
                text(path, key, text);
            } else if (value instanceof Number number) {
                number(path, number);
            } else if (value != null && !(value instanceof Boolean)) {
                throw new InvalidInputException(path + " must be a string, number, true/false, object or list");
            }
        }

        private void list(String path, String key, List<?> list, int level) {
            if (list.size() > MAX_LIST_ITEMS) {
                throw new InvalidInputException(path + " must have at most " + MAX_LIST_ITEMS + " items");
            }
            for (int i = 0; i < list.size(); i++) {
                value(path + "[" + i + "]", key, list.get(i), level + 1);
            }
        }

        private static void text(String path, String key, String text) {
            int max = URL_PROPERTIES.contains(key) ? MAX_URL_LENGTH : MAX_TEXT_LENGTH;
            if (text.length() > max) {
                throw new InvalidInputException(path + " must be at most " + max + " characters");
            }
            // tabs and line breaks belong in a comment; NUL and the other controls in no column (PostgreSQL
            // refuses NUL)
            if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                throw new InvalidInputException(path + " must not contain control characters");
            }
        }

        private static void number(String path, Number number) {
            boolean inRange;
            if (number instanceof Integer || number instanceof Long) {
                inRange = number.longValue() >= -MAX_NUMBER && number.longValue() <= MAX_NUMBER;
            } else if (number instanceof Double d) {
                inRange = Double.isFinite(d) && Math.abs(d) <= MAX_NUMBER;
            } else {
                inRange = false; // BigInteger, BigDecimal: beyond long and double
            }
            if (!inRange) {
                throw new InvalidInputException(path + " must be a number from -10^15 to 10^15");
            }
        }

        private static String shortened(String key) {
            return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, MAX_KEY_LENGTH) + "…";
        }
    }
}

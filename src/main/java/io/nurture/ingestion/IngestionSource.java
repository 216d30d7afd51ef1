package io.nurture.ingestion;

/**
 * The way an event came in, for the metrics, from the actor its caller names: {@code source:<name>} (the tracking
 * API, by write key) is the source's name, {@code form:<name>} is {@code form}, the tracking links' {@code tracking}
 * and the demo data's {@code demo-data} stay themselves, and a user of {@code POST /api/events} is {@code api} (user
 * names would be a label value per person).
 */
final class IngestionSource {

    static final String API = "api";

    private IngestionSource() {
    }

    static String of(String actor) {
        if (actor == null) {
            return API;
        }
        if (actor.startsWith("source:")) {
            return actor.substring("source:".length());
        }
        if (actor.startsWith("form:")) {
            return "form";
        }
        return actor.equals("tracking") || actor.equals("demo-data") ? actor : API;
    }
}

package io.nurture.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.nurture.contact.Contact;

/** A validated test contact: its profile as a contact, how it reacts to mails, its script and a forced A/B variant. */
record Persona(String name, Contact profile, String timeZone, Engagement engagement, List<Act> script,
        String variant) {

    /** Opens and clicks as a share of the e-mails received, each {@code after} the mail arrives. */
    record Engagement(double opens, double clicks, Duration after) {

        static final Engagement SILENT = new Engagement(0, 0, Duration.ofHours(2));

        boolean opens(int emailNumber) {
            return takes(opens, emailNumber);
        }

        boolean clicks(int emailNumber) {
            return takes(clicks, emailNumber);
        }

        /** A share of 0.5 takes the 2nd, 4th…; 1 takes every one: the n-th is taken when the running share ticks. */
        private static boolean takes(double share, int n) {
            return Math.floor(n * share + 1e-9) > Math.floor((n - 1) * share + 1e-9);
        }
    }

    /** An event ({@code event}, with the e-mail it is about) or the completion of a user task, at {@code day}. */
    record Act(double day, String event, Integer email, Map<String, Object> properties, String complete,
            Map<String, Object> variables) {
    }
}

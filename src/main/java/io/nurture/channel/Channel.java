package io.nurture.channel;

import java.util.Optional;

import io.nurture.contact.Contact;

/**
 * One way of reaching a contact. A new channel is one adapter bean and one element template, nothing else: the
 * {@link Sender} does policy, the delivery log and exactly-once around it.
 */
public interface Channel {

    /** The name in the delivery log and the diagrams: {@code email}, {@code sms}, {@code webhook}, {@code inapp}. */
    String name();

    /** Where this contact is reached on this channel; empty when it cannot be (no address, no phone). */
    Optional<String> address(Contact contact);

    /** Whether consent and suppression apply: true for messages to the person, false for system integrations. */
    default boolean reachesThePerson() {
        return true;
    }

    /**
     * Sends once. Throws on a temporary provider failure (the job is retried) and {@link SendRejectedException} when
     * the provider refuses this message for good.
     */
    void send(Outbound message);

    /** What {@link #send} would deliver, rendered for the contact, without sending anything (the simulator's view). */
    Rendered render(Outbound message);

    /** A message as its recipient would read it: the subject (or title) and the text. */
    record Rendered(String subject, String text) {
    }
}

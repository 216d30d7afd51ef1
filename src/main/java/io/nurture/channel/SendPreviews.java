package io.nurture.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;

/**
 * A send as it would happen, without the delivery log or a provider: the policy's decision for a contact whose
 * history the caller keeps, and the message rendered as its channel would render it. The simulator uses it so that a
 * simulated send obeys the same consent, caps and quiet hours and reads the same as a real one.
 */
@Component
public class SendPreviews {

    private final Map<String, Channel> channels;
    private final SendPolicy policy;

    SendPreviews(List<Channel> channels, SendPolicy policy) {
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.policy = policy;
    }

    public boolean hasChannel(String name) {
        return channels.containsKey(name);
    }

    public Preview preview(Contact contact, SendRequest request, Instant now, SendPolicy.ContactHistory history) {
        Channel channel = channels.get(request.channel());
        if (channel == null) {
            throw new IllegalArgumentException("No channel '" + request.channel() + "'; known: " + channels.keySet());
        }
        SendPolicy.Decision decision = policy.decide(contact, channel, request, now, history);
        String address = channel.address(contact).orElse(null);
        Channel.Rendered rendered = channel.render(new Outbound("preview-" + request.idempotencyKey(),
                "<preview-" + request.idempotencyKey() + "@nurture>", contact, address, request));
        return new Preview(decision, address, rendered);
    }

    /** {@code decision}: allowed, skipped (and why) or delayed (until when). */
    public record Preview(SendPolicy.Decision decision, String address, Channel.Rendered rendered) {
    }
}

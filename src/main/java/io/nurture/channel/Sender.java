package io.nurture.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import io.nurture.channel.DeliveryLog.AlreadyDone;
import io.nurture.channel.DeliveryLog.Claim;
import io.nurture.channel.DeliveryLog.Claimed;
import io.nurture.channel.DeliveryLog.InFlight;
import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;

/**
 * Every send of every channel goes through here: policy first, then a claim on the idempotency key, the adapter, and
 * the outcome in the delivery log. A key is sent at most once however often the step runs.
 */
@Service
public class Sender {

    /** What became of one send request. */
    public enum Outcome {
        SENT, ALREADY_SENT, SKIPPED, REJECTED, NO_CONTACT
    }

    private final Map<String, Channel> channels;
    private final ContactRepository contacts;
    private final DeliveryLog deliveries;
    private final SendPolicy policy;
    private final Duration claimTimeout;
    private final Clock clock;
    private final SendMetrics metrics;

    Sender(List<Channel> channels, ContactRepository contacts, DeliveryLog deliveries, SendPolicy policy,
            @Value("${nurture.channels.claim-timeout:PT5M}") Duration claimTimeout, Optional<Clock> clock,
            SendMetrics metrics) {
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.policy = policy;
        this.claimTimeout = claimTimeout;
        this.clock = clock.orElse(Clock.systemUTC());
        this.metrics = metrics;
    }

    public boolean hasChannel(String name) {
        return channels.containsKey(name);
    }

    /** The names of the channels Nurture can send on ({@code email}, {@code sms}…). */
    public Set<String> channelNames() {
        return new TreeSet<>(channels.keySet());
    }

    /**
     * Throws {@link SendDeferredException} when the send must wait, and the adapter's exception when the provider
     * fails (the job is retried).
     */
    public Outcome send(SendRequest request) {
        Channel channel = channel(request);
        Optional<Contact> found = contacts.findById(request.contactId());
        if (found.isEmpty()) {
            return Outcome.NO_CONTACT; // erased in the meantime: nobody to write to
        }
        Contact contact = found.get();
        if (deliveries.status(request.idempotencyKey()).filter(DeliveryStatus::isFinal).isPresent()) {
            return Outcome.ALREADY_SENT;
        }
        Instant now = clock.instant();
        SendPolicy.Decision decision = policy.decide(contact, channel, request, now);
        if (decision instanceof SendPolicy.Skip skip) {
            deliveries.skipped(request, skip.reason());
            metrics.count(channel.name(), SendMetrics.Status.SKIPPED);
            return Outcome.SKIPPED;
        }
        if (decision instanceof SendPolicy.Delay delay) {
            deliveries.delayed(request, delay.until(), delay.reason());
            metrics.count(channel.name(), SendMetrics.Status.DEFERRED);
            throw new SendDeferredException(delay.reason(), delay.until());
        }
        return claimAndSend(channel, contact, channel.address(contact).orElse(null), request);
    }

    /**
     * A message about the contact to someone else (an SDR reminder): no marketing policy, the same claim and delivery
     * log, so it goes out once per key.
     */
    public Outcome sendAbout(SendRequest request, String address) {
        Channel channel = channel(request);
        Optional<Contact> found = contacts.findById(request.contactId());
        if (found.isEmpty()) {
            return Outcome.NO_CONTACT;
        }
        return claimAndSend(channel, found.get(), address, request);
    }

    private Channel channel(SendRequest request) {
        Channel channel = channels.get(request.channel());
        if (channel == null) {
            throw new IllegalArgumentException("No channel '" + request.channel() + "'; known: " + channels.keySet());
        }
        return channel;
    }

    private Outcome claimAndSend(Channel channel, Contact contact, String address, SendRequest request) {
        Claim claim;
        try {
            claim = deliveries.claim(request, address, claimTimeout);
        } catch (DuplicateKeyException concurrentFirstAttempt) {
            claim = new InFlight(clock.instant().plusSeconds(5));
        }
        if (claim instanceof AlreadyDone) {
            return Outcome.ALREADY_SENT;
        }
        if (claim instanceof InFlight inFlight) {
            throw new SendDeferredException("another attempt is sending it", inFlight.retryAt());
        }
        Claimed claimed = (Claimed) claim;
        try {
            channel.send(new Outbound(claimed.deliveryId(), claimed.messageId(), contact, address, request));
        } catch (SendRejectedException e) {
            deliveries.rejected(request.idempotencyKey(), e.getMessage());
            metrics.count(channel.name(), SendMetrics.Status.REJECTED);
            return Outcome.REJECTED;
        } catch (RuntimeException e) {
            deliveries.failed(request.idempotencyKey(), e.getMessage());
            metrics.count(channel.name(), SendMetrics.Status.FAILED);
            throw e;
        }
        deliveries.sent(request.idempotencyKey(), claimed.messageId());
        metrics.count(channel.name(), SendMetrics.Status.SENT);
        return Outcome.SENT;
    }
}

package io.nurture.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;

/**
 * Asked before every send: consent and suppression (skip), the frequency cap (marketing only) and SMS quiet hours in
 * the contact's time zone (delay, never drop). Transactional messages skip the cap, never suppression.
 */
@Component
public class SendPolicy {

    public sealed interface Decision {
    }

    public record Allow() implements Decision {
    }

    public record Skip(String reason) implements Decision {
    }

    public record Delay(String reason, Instant until) implements Decision {
    }

    /**
     * What the policy needs to know about a contact beyond its row, for a caller that keeps it elsewhere (the
     * simulator): who suppresses it on a channel, its marketing sends on a channel since an instant, its time zone.
     */
    public interface ContactHistory {

        /** The suppressions (hard bounce, complaint…) that hold for the contact. */
        Set<SuppressionReason> suppressionReasons();

        /** Sent after {@code since} (not at it: a send leaves the cap's window when it is exactly a period old). */
        List<Instant> marketingSendsSince(String channel, Instant since);

        Optional<ZoneId> timeZone();
    }

    private final Suppressions suppressions;
    private final DeliveryLog deliveries;
    private final ContactTimeZones timeZones;
    private final int capMax;
    private final Duration capPeriod;
    private final LocalTime quietFrom;
    private final LocalTime quietUntil;
    private final ZoneId defaultZone;

    SendPolicy(Suppressions suppressions, DeliveryLog deliveries, ContactTimeZones timeZones,
            @Value("${nurture.channels.frequency-cap.max:3}") int capMax,
            @Value("${nurture.channels.frequency-cap.period:P7D}") Duration capPeriod,
            @Value("${nurture.channels.sms.quiet-hours.from:21:00}") LocalTime quietFrom,
            @Value("${nurture.channels.sms.quiet-hours.until:08:00}") LocalTime quietUntil,
            @Value("${nurture.channels.sms.quiet-hours.default-time-zone:UTC}") ZoneId defaultZone) {
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.timeZones = timeZones;
        this.capMax = capMax;
        this.capPeriod = capPeriod;
        this.quietFrom = quietFrom;
        this.quietUntil = quietUntil;
        this.defaultZone = defaultZone;
    }

    Decision decide(Contact contact, Channel channel, SendRequest request, Instant now) {
        return decide(contact, channel, request, now, new ContactHistory() {
            @Override
            public Set<SuppressionReason> suppressionReasons() {
                return suppressions.of(contact);
            }

            @Override
            public List<Instant> marketingSendsSince(String channelName, Instant since) {
                return deliveries.marketingSendsSince(contact.id(), channelName, since);
            }

            @Override
            public Optional<ZoneId> timeZone() {
                return timeZones.of(contact.id());
            }
        });
    }

    /** The same decision, asking {@code history} instead of the tables. */
    public Decision decide(Contact contact, Channel channel, SendRequest request, Instant now,
            ContactHistory history) {
        if (!channel.reachesThePerson()) {
            return new Allow();
        }
        String suppressed = Suppressions.suppressing(contact, channel.name(), history::suppressionReasons);
        if (suppressed != null) {
            return new Skip(suppressed);
        }
        if (!hasConsent(contact, channel.name())) {
            return new Skip("no " + channel.name() + " consent");
        }
        if (channel.address(contact).isEmpty()) {
            return new Skip("no " + channel.name() + " address");
        }
        if (!request.transactional() && capped(channel.name())) {
            List<Instant> recent = history.marketingSendsSince(channel.name(), now.minus(capPeriod));
            if (recent.size() >= capMax) {
                Instant until = recent.get(recent.size() - capMax).plus(capPeriod);
                return new Delay("frequency cap " + capMax + " per " + readable(capPeriod), until);
            }
        }
        if ("sms".equals(channel.name())) {
            ZonedDateTime local = now.atZone(history.timeZone().orElse(defaultZone));
            if (isQuiet(local.toLocalTime())) {
                return new Delay("quiet hours in " + local.getZone(), endOfQuietHours(local).toInstant());
            }
        }
        return new Allow();
    }

    private static String readable(Duration period) {
        if (period.toHours() % 24 == 0 && period.toDays() > 0) {
            return period.toDays() == 1 ? "day" : period.toDays() + " days";
        }
        return period.toString();
    }

    /** E-mail is opt-out (unless refused), SMS is opt-in; in-app reaches a signed-in user. */
    private static boolean hasConsent(Contact contact, String channel) {
        return switch (channel) {
            case "email" -> !Boolean.FALSE.equals(contact.consentEmail());
            case "sms" -> Boolean.TRUE.equals(contact.consentSms());
            default -> true;
        };
    }

    private static boolean capped(String channel) {
        return "email".equals(channel) || "sms".equals(channel);
    }

    boolean isQuiet(LocalTime time) {
        return quietFrom.isAfter(quietUntil)
                ? !time.isBefore(quietFrom) || time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) && time.isBefore(quietUntil);
    }

    private ZonedDateTime endOfQuietHours(ZonedDateTime local) {
        ZonedDateTime end = local.with(quietUntil).withSecond(0).withNano(0);
        return end.isAfter(local) ? end : end.plusDays(1);
    }
}

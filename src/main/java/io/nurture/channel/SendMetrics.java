package io.nurture.channel;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code nurture_sends_total{channel, status}}: what became of each send attempt, as it is written to the delivery log.
 * {@code deferred} counts each time policy holds a send back (quiet hours, frequency cap), {@code failed} each
 * provider failure (the job retries it), so one message may count as deferred or failed more than once before it
 * counts as sent. The channel names are Nurture's adapters, a handful.
 */
@Component
class SendMetrics {

    enum Status {
        SENT, SKIPPED, DEFERRED, FAILED, REJECTED
    }

    private final MeterRegistry registry;

    SendMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String channel, Status status) {
        Counter.builder("nurture.sends")
                .description("Send attempts by channel and what became of them")
                .tag("channel", channel).tag("status", status.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }
}

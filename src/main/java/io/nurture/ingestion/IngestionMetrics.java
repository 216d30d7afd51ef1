package io.nurture.ingestion;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nurture.event.EventType;

/**
 * {@code nurture_events_ingested_total{type, source}}, counted when the event's transaction commits (a retried or
 * rolled-back attempt is not counted, a duplicate {@code eventId} is not stored and not counted), and
 * {@code nurture_event_ingestion_seconds{source}}, the time of one ingestion call: one event with its retries, or a
 * batch's group stored together. Custom event types are as many as the senders make up (a public write key may send
 * any name) and each label value is a time series of its own, so they count as {@code custom} unless
 * {@code nurture.metrics.custom-event-types} names them.
 */
@Component
class IngestionMetrics {

    static final String CUSTOM = "custom";

    private final MeterRegistry registry;
    private final Set<String> namedCustomTypes;

    IngestionMetrics(MeterRegistry registry,
            @Value("${nurture.metrics.custom-event-types:}") List<String> namedCustomTypes) {
        this.registry = registry;
        this.namedCustomTypes = Set.copyOf(namedCustomTypes);
    }

    void countOnCommit(EventType type, String actor) {
        Counter counter = Counter.builder("nurture.events.ingested")
                .description("Events stored, by type (custom types as 'custom') and the way they came in")
                .tag("type", typeTag(type)).tag("source", IngestionSource.of(actor))
                .register(registry);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    <T> T timed(String actor, Supplier<T> ingestion) {
        return timer(actor).record(ingestion);
    }

    void timed(String actor, Runnable ingestion) {
        timer(actor).record(ingestion);
    }

    private Timer timer(String actor) {
        return Timer.builder("nurture.event.ingestion")
                .description("Time to store one event (with its retries) or a batch's group of events")
                .tag("source", IngestionSource.of(actor))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    String typeTag(EventType type) {
        return type.isBuiltIn() || namedCustomTypes.contains(type.wireName()) ? type.wireName() : CUSTOM;
    }
}

package io.nurture.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.nurture.channel.DeliveryLog;
import io.nurture.channel.Sender;
import io.nurture.contact.ContactRepository;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The gauges read from the database, computed when Prometheus scrapes: their label values (stages, channels, process
 * definition keys) are whatever the database holds at that moment, which Micrometer's gauges, fixed at registration,
 * cannot follow. Each family is one grouped query cached for {@code nurture.metrics.gauge-cache}; a family whose query
 * fails is left out of that scrape.
 */
@Component
class NurtureGauges implements MultiCollector {

    private final CachedCounts contacts;
    private final CachedCounts deferred;
    private final CachedCounts jobs;
    private final CachedCounts incidents;
    private final CachedCounts instances;
    private final Clock clock;

    NurtureGauges(ContactRepository contactRepository, DeliveryLog deliveries, Sender sender, EngineQueues engine,
            @Value("${nurture.metrics.gauge-cache:PT10S}") Duration maxAge, ObjectProvider<PrometheusRegistry> registry) {
        this.clock = Clock.systemUTC();
        this.contacts = new CachedCounts("contacts", contactRepository::countByStage, maxAge, clock);
        this.deferred = new CachedCounts("deferred sends",
                () -> everyChannel(sender.channelNames(), deliveries.delayedByChannel()), maxAge, clock);
        this.jobs = new CachedCounts("job", engine::executableJobs, maxAge, clock);
        this.incidents = new CachedCounts("incident", engine::openIncidents, maxAge, clock);
        this.instances = new CachedCounts("process instance", engine::activeInstances, maxAge, clock);
        registry.ifAvailable(prometheus -> prometheus.register(this));
    }

    @Override
    public MetricSnapshots collect() {
        List<MetricSnapshot> gauges = new ArrayList<>();
        contacts.current().ifPresent(counts -> gauges.add(
                byLabel("nurture_contacts", "Contacts in each lifecycle stage", "stage", counts)));
        deferred.current().ifPresent(counts -> gauges.add(byLabel("nurture_sends_deferred",
                "Sends held back by quiet hours or a frequency cap, waiting for their time", "channel", counts)));
        jobs.current().ifPresent(counts -> {
            gauges.add(single("nurture_jobs_executable", "Engine jobs due now and not yet done (the job backlog)",
                    null, counts.getOrDefault(EngineQueues.EXECUTABLE, 0L)));
            Long oldestDue = counts.get(EngineQueues.OLDEST_DUE);
            double age = oldestDue == null ? 0 : Math.max(0, clock.millis() - oldestDue) / 1000.0;
            gauges.add(single("nurture_jobs_oldest_due_age_seconds",
                    "How long the oldest executable job has been due; 0 when none is", Unit.SECONDS, age));
        });
        incidents.current().ifPresent(counts -> gauges.add(
                byLabel("nurture_incidents_open", "Open incidents by process definition key", "process", counts)));
        instances.current().ifPresent(counts -> gauges.add(byLabel("nurture_process_instances_active",
                "Running process instances (campaigns, hand-offs…) by process definition key", "process", counts)));
        return new MetricSnapshots(gauges);
    }

    /** A channel with nothing deferred is a 0, not a series that comes and goes. */
    private static Map<String, Long> everyChannel(Set<String> channels, Map<String, Long> delayed) {
        Map<String, Long> counts = new TreeMap<>(delayed);
        channels.forEach(channel -> counts.putIfAbsent(channel, 0L));
        return counts;
    }

    private static GaugeSnapshot byLabel(String name, String help, String label, Map<String, Long> counts) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        counts.forEach((value, count) -> gauge.dataPoint(
                GaugeDataPointSnapshot.builder().labels(Labels.of(label, value)).value(count).build()));
        return gauge.build();
    }

    private static GaugeSnapshot single(String name, String help, Unit unit, double value) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) {
            gauge.unit(unit);
        }
        return gauge.dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }
}

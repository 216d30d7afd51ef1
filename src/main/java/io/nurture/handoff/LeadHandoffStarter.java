package io.nurture.handoff;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.event.EventStore;
import io.nurture.event.EventType;
import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.LeadRouting;
import io.nurture.lifecycle.MqlRules;
import io.nurture.lifecycle.StageChanged;
import io.nurture.lifecycle.StageRole;
import io.nurture.process.ContactProcesses;
import io.nurture.process.ProcessVariables;
import io.nurture.process.StartVariables;

/**
 * Every new MQL gets one {@code lead-handoff} instance: the SDR's qualification task, then sales. The row lock that
 * {@code LifecycleService} holds on the contact while it moves makes this run once per MQL entry, however many events
 * cross the threshold at the same moment.
 */
@Component
class LeadHandoffStarter {

    static final String PROCESS_KEY = "lead-handoff";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ContactProcesses processes;
    private final ContactRepository contacts;
    private final EventStore events;
    private final MqlRules mqlRules;
    private final SdrSla sla;
    private final Funnel funnel;

    LeadHandoffStarter(ContactProcesses processes, ContactRepository contacts, EventStore events, MqlRules mqlRules,
            SdrSla sla, Funnel funnel) {
        this.processes = processes;
        this.contacts = contacts;
        this.events = events;
        this.mqlRules = mqlRules;
        this.sla = sla;
        this.funnel = funnel;
    }

    @EventListener
    void onStageChanged(StageChanged change) {
        if (funnel.plays(change.to(), StageRole.QUALIFIED)) {
            processes.startOnce(PROCESS_KEY, contextOf(contacts.getById(change.contactId()), change.reason()));
        }
    }

    /** What the SDR and the sales rep see on their form, the routing decision and the SLA dates. */
    private StartVariables contextOf(Contact contact, String reason) {
        LeadRouting routing = mqlRules.route(events.latestReceivedType(contact.id()).orElse(EventType.PAGE_VIEW),
                contact.source());
        var now = ClockUtil.getCurrentTime().toInstant();
        String recent = events.recent(contact.id(), 5).stream()
                .map(e -> WHEN.format(e.occurredAt()) + "  " + e.type() + " (+" + e.points() + ")")
                .collect(Collectors.joining("\n"));
        return StartVariables.forContact(contact.id())
                .card(contact.fullName(), contact.label(), contact.company())
                .put(ProcessVariables.EMAIL, contact.email())
                .text(ProcessVariables.SOURCE, contact.source())
                .put(ProcessVariables.SCORE, contact.score())
                .put(ProcessVariables.BEHAVIOUR_SCORE, contact.behaviourScore())
                .put(ProcessVariables.FIT_SCORE, contact.fitScore())
                .put(ProcessVariables.ROUTING, routing.isStraightToSdr() ? "Straight to an SDR"
                        : "Nurtured to the threshold")
                .put(ProcessVariables.ROUTING_REASON, reason)
                .put(ProcessVariables.TASK_PRIORITY, routing.priority())
                .put(ProcessVariables.SDR_DUE_DATE, sla.dueDate(now))
                .put(ProcessVariables.SDR_RETURN_TO_POOL_DATE, sla.returnToPoolDate(now))
                .put(ProcessVariables.LIFECYCLE_STAGE, funnel.require(StageRole.QUALIFIED).name())
                .put(ProcessVariables.MQL_REASON, reason)
                .put(ProcessVariables.RECENT_EVENTS, recent);
    }
}

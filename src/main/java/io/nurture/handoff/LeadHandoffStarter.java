package io.nurture.handoff;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
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

    private final RuntimeService runtime;
    private final ContactRepository contacts;
    private final EventStore events;
    private final MqlRules mqlRules;
    private final SdrSla sla;
    private final Funnel funnel;

    LeadHandoffStarter(RuntimeService runtime, ContactRepository contacts, EventStore events, MqlRules mqlRules,
            SdrSla sla, Funnel funnel) {
        this.runtime = runtime;
        this.contacts = contacts;
        this.events = events;
        this.mqlRules = mqlRules;
        this.sla = sla;
        this.funnel = funnel;
    }

    @EventListener
    void onStageChanged(StageChanged change) {
        if (!funnel.plays(change.to(), StageRole.QUALIFIED) || isRunningFor(change.contactId())) {
            return;
        }
        Contact contact = contacts.getById(change.contactId());
        runtime.startProcessInstanceByKey(PROCESS_KEY, contact.id(), contextOf(contact, change.reason()));
    }

    private boolean isRunningFor(String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(contactId).count() > 0;
    }

    /** What the SDR and the sales rep see on their form, the routing decision and the SLA dates. */
    private VariableMap contextOf(Contact contact, String reason) {
        LeadRouting routing = mqlRules.route(events.latestReceivedType(contact.id()).orElse(EventType.PAGE_VIEW),
                contact.source());
        var now = ClockUtil.getCurrentTime().toInstant();
        String recent = events.recent(contact.id(), 5).stream()
                .map(e -> WHEN.format(e.occurredAt()) + "  " + e.type() + " (+" + e.points() + ")")
                .collect(Collectors.joining("\n"));
        return Variables.createVariables()
                .putValue("contactId", contact.id())
                .putValue("contactName", contact.fullName())
                .putValue("contactLabel", contact.label())
                .putValue("email", contact.email())
                .putValue("company", nullToEmpty(contact.company()))
                .putValue("source", nullToEmpty(contact.source()))
                .putValue("score", contact.score())
                .putValue("behaviourScore", contact.behaviourScore())
                .putValue("fitScore", contact.fitScore())
                .putValue("routing", routing.isStraightToSdr() ? "Straight to an SDR" : "Nurtured to the threshold")
                .putValue("routingReason", reason)
                .putValue("taskPriority", routing.priority())
                .putValue("sdrDueDate", sla.dueDate(now))
                .putValue("sdrReturnToPoolDate", sla.returnToPoolDate(now))
                .putValue("lifecycleStage", funnel.require(StageRole.QUALIFIED).name())
                .putValue("mqlReason", reason)
                .putValue("recentEvents", recent);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

package io.nurture.handoff;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.event.EventStore;
import io.nurture.lifecycle.LifecycleStage;
import io.nurture.lifecycle.StageChanged;

/** Every new MQL gets one {@code lead-handoff} instance: the SDR's qualification task, then sales. */
@Component
class LeadHandoffStarter {

    static final String PROCESS_KEY = "lead-handoff";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final RuntimeService runtime;
    private final ContactRepository contacts;
    private final EventStore events;

    LeadHandoffStarter(RuntimeService runtime, ContactRepository contacts, EventStore events) {
        this.runtime = runtime;
        this.contacts = contacts;
        this.events = events;
    }

    @EventListener
    void onStageChanged(StageChanged change) {
        if (change.to() != LifecycleStage.MQL || isRunningFor(change.contactId())) {
            return;
        }
        Contact contact = contacts.getById(change.contactId());
        runtime.startProcessInstanceByKey(PROCESS_KEY, contact.id(), contextOf(contact, change.reason()));
    }

    private boolean isRunningFor(String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(contactId).count() > 0;
    }

    /** What the SDR and the sales rep see on their form. */
    private VariableMap contextOf(Contact contact, String reason) {
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
                .putValue("lifecycleStage", LifecycleStage.MQL.name())
                .putValue("mqlReason", reason)
                .putValue("recentEvents", recent);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

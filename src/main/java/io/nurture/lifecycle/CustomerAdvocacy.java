package io.nurture.lifecycle;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.event.ContactEventRecorded;
import io.nurture.event.EventType;
import io.nurture.process.ContactProcesses;
import io.nurture.process.ProcessVariables;
import io.nurture.process.StartVariables;

/**
 * Customer → evangelist: every new customer enters {@code customer-advocacy} (the NPS survey); an
 * {@code nps_submitted} event answers it. An answer without a waiting survey starts the process at its score gateway,
 * so the diagram alone decides what a score means.
 */
@Component
class CustomerAdvocacy {

    static final String PROCESS_KEY = "customer-advocacy";
    static final String ANSWER_MESSAGE = "NpsSubmitted";
    static final String SCORE_GATEWAY = "Gateway_NpsScore";
    static final String SURVEY_DELAY = "Timer_SurveyDelay";

    private final ContactProcesses processes;
    private final ContactRepository contacts;
    private final Funnel funnel;

    CustomerAdvocacy(ContactProcesses processes, ContactRepository contacts, Funnel funnel) {
        this.processes = processes;
        this.contacts = contacts;
        this.funnel = funnel;
    }

    @EventListener
    void onStageChanged(StageChanged change) {
        if (funnel.plays(change.to(), StageRole.CUSTOMER)) {
            processes.startOnce(PROCESS_KEY, contextOf(contacts.getById(change.contactId())));
        }
    }

    @EventListener
    void onEvent(ContactEventRecorded event) {
        if (!EventType.NPS_SUBMITTED.equals(event.type())) {
            return;
        }
        Contact contact = contacts.getById(event.contactId());
        if (funnel.stageOf(StageRole.CUSTOMER).filter(customer -> funnel.isAtLeast(contact.lifecycleStage(),
                customer)).isEmpty()) {
            return; // only customers can promote us; the answer stays in the event history
        }
        Map<String, Object> answer = Map.of(ProcessVariables.NPS_SCORE, event.properties().get("score"),
                ProcessVariables.NPS_COMMENT, event.properties().getOrDefault("comment", "").toString());
        if (processes.correlate(ANSWER_MESSAGE, contact.id(), answer)) {
            return;
        }
        // the customer answered before our survey went out: that survey is no longer needed
        processes.endWaitingAt(PROCESS_KEY, contact.id(), SURVEY_DELAY, "answered NPS before the survey");
        processes.startBefore(PROCESS_KEY, SCORE_GATEWAY, contextOf(contact).putAll(answer));
    }

    private static StartVariables contextOf(Contact contact) {
        return StartVariables.forContact(contact.id()).card(contact.fullName(), contact.label(), contact.company())
                .firstName(contact.firstName());
    }
}

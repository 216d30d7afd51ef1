package io.nurture.lifecycle;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.event.ContactEventRecorded;
import io.nurture.event.EventType;

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

    private final RuntimeService runtime;
    private final ContactRepository contacts;
    private final Funnel funnel;

    CustomerAdvocacy(RuntimeService runtime, ContactRepository contacts, Funnel funnel) {
        this.runtime = runtime;
        this.contacts = contacts;
        this.funnel = funnel;
    }

    @EventListener
    void onStageChanged(StageChanged change) {
        if (funnel.plays(change.to(), StageRole.CUSTOMER) && running(change.contactId()).isEmpty()) {
            runtime.startProcessInstanceByKey(PROCESS_KEY, change.contactId(), contextOf(
                    contacts.getById(change.contactId())));
        }
    }

    @EventListener
    void onEvent(ContactEventRecorded event) {
        if (event.type() != EventType.NPS_SUBMITTED) {
            return;
        }
        Contact contact = contacts.getById(event.contactId());
        if (funnel.stageOf(StageRole.CUSTOMER).filter(customer -> funnel.isAtLeast(contact.lifecycleStage(),
                customer)).isEmpty()) {
            return; // only customers can promote us; the answer stays in the event history
        }
        Map<String, Object> answer = Map.of("npsScore", event.properties().get("score"),
                "npsComment", event.properties().getOrDefault("comment", "").toString());
        boolean answeredSurvey = !runtime.createMessageCorrelation(ANSWER_MESSAGE)
                .processInstanceBusinessKey(contact.id()).setVariables(answer).correlateAllWithResult().isEmpty();
        if (answeredSurvey) {
            return;
        }
        // the customer answered before our survey went out: that survey is no longer needed
        List<String> waitingForSurvey = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(contact.id()).activityIdIn(SURVEY_DELAY).list().stream()
                .map(ProcessInstance::getId).toList();
        if (!waitingForSurvey.isEmpty()) {
            runtime.deleteProcessInstances(waitingForSurvey, "answered NPS before the survey", true, true);
        }
        runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(contact.id())
                .setVariables(contextOf(contact)).setVariables(answer)
                .startBeforeActivity(SCORE_GATEWAY).execute();
    }

    private List<ProcessInstance> running(String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(contactId).list();
    }

    private static VariableMap contextOf(Contact contact) {
        return Variables.createVariables()
                .putValue("contactId", contact.id())
                .putValue("contactName", contact.fullName())
                .putValue("contactLabel", contact.label())
                .putValue("company", contact.company() == null ? "" : contact.company())
                .putValue("firstName", contact.firstName() == null ? "" : contact.firstName());
    }
}

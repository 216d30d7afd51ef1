package io.nurture.campaign;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.lifecycle.LifecycleStage;
import io.nurture.lifecycle.StageChanged;

/** Enrols every new lead in {@code welcome}; a contact that reaches MQL or later leaves it. */
@Component
class WelcomeCampaign {

    static final String PROCESS_KEY = "welcome";
    static final String QUALIFIED_MESSAGE = "ContactQualified";

    private final RuntimeService runtime;
    private final ContactRepository contacts;

    WelcomeCampaign(RuntimeService runtime, ContactRepository contacts) {
        this.runtime = runtime;
        this.contacts = contacts;
    }

    @EventListener
    void onStageChanged(StageChanged change) {
        if (change.to() == LifecycleStage.LEAD && change.isFirstEntry()) {
            enrol(contacts.getById(change.contactId()));
        } else if (change.to().isAtLeast(LifecycleStage.MQL)) {
            runtime.createMessageCorrelation(QUALIFIED_MESSAGE)
                    .processInstanceBusinessKey(change.contactId())
                    .correlateAllWithResult();
        }
    }

    private void enrol(Contact contact) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, contact.id(), Variables.createVariables()
                .putValue("contactId", contact.id())
                .putValue("firstName", contact.firstName() == null ? "" : contact.firstName()));
    }
}

package io.nurture.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;

/**
 * "Read contact" in Modeler: puts what gateways decide on into variables: {@code fitScore}, {@code behaviourScore},
 * {@code score}, {@code lifecycleStage}, {@code industry}, {@code hasPhone}. Fit comes from the contact as scored.
 */
@Component("readContact")
class ReadContactDelegate implements JavaDelegate {

    private final ContactRepository contacts;

    ReadContactDelegate(ContactRepository contacts) {
        this.contacts = contacts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Contact contact = contacts.getById(execution.getBusinessKey());
        execution.setVariable("fitScore", contact.fitScore());
        execution.setVariable("behaviourScore", contact.behaviourScore());
        execution.setVariable("score", contact.score());
        execution.setVariable("lifecycleStage", contact.lifecycleStage().name());
        execution.setVariable("industry", contact.industry() == null ? "" : contact.industry());
        execution.setVariable("hasPhone", contact.phone() != null);
    }
}

package io.nurture.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.process.ProcessVariables;

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
        execution.setVariable(ProcessVariables.FIT_SCORE, contact.fitScore());
        execution.setVariable(ProcessVariables.BEHAVIOUR_SCORE, contact.behaviourScore());
        execution.setVariable(ProcessVariables.SCORE, contact.score());
        execution.setVariable(ProcessVariables.LIFECYCLE_STAGE, contact.lifecycleStage().name());
        execution.setVariable(ProcessVariables.INDUSTRY, contact.industry() == null ? "" : contact.industry());
        execution.setVariable(ProcessVariables.HAS_PHONE, contact.phone() != null);
    }
}

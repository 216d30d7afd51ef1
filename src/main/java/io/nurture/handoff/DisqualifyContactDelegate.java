package io.nurture.handoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactRepository;

/** "Disqualify contact" in Modeler: flags the contact so no campaign reaches it again. */
@Component("disqualifyContact")
class DisqualifyContactDelegate implements JavaDelegate {

    private final ContactRepository contacts;

    DisqualifyContactDelegate(ContactRepository contacts) {
        this.contacts = contacts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        contacts.markDisqualified(execution.getBusinessKey(), (String) execution.getVariableLocal("reason"));
    }
}

package io.nurture.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactRepository;

/**
 * "Update score" in Modeler: inputs {@code points} (may be negative) and {@code reason}. Adds behaviour points and a
 * score history row naming the campaign step; runs in the step's transaction, so a retry never counts twice.
 */
@Component("updateScore")
class UpdateScoreDelegate implements JavaDelegate {

    private final ContactRepository contacts;
    private final ScoreHistory history;

    UpdateScoreDelegate(ContactRepository contacts, ScoreHistory history) {
        this.contacts = contacts;
        this.history = history;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int points = Integer.parseInt(String.valueOf(execution.getVariableLocal("points")).trim());
        Object reason = execution.getVariableLocal("reason");
        String contactId = execution.getBusinessKey();
        contacts.addBehaviourPoints(contactId, points);
        String campaign = execution.getProcessDefinitionId().split(":")[0];
        history.behaviour(contactId, points, contacts.getById(contactId).score(),
                campaign + "/" + execution.getCurrentActivityId() + (reason == null ? "" : ": " + reason));
    }
}

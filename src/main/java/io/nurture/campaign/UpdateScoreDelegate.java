package io.nurture.campaign;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.lifecycle.ScoreQualification;
import io.nurture.process.ProcessKeys;
import io.nurture.process.ProcessVariables;
import io.nurture.scoring.ScoreComponent;
import io.nurture.scoring.Scores;

/**
 * "Update score" in Modeler: inputs {@code points} (may be negative) and {@code reason}. Adds behaviour points and a
 * score history row naming the campaign step; runs in the step's transaction, so a retry never counts twice. Points
 * that take the contact over the MQL threshold make an MQL, as an event's points do.
 */
@Component("updateScore")
class UpdateScoreDelegate implements JavaDelegate {

    private final Scores scores;
    private final ContactRepository contacts;
    private final ScoreQualification qualification;

    UpdateScoreDelegate(Scores scores, ContactRepository contacts, ScoreQualification qualification) {
        this.scores = scores;
        this.contacts = contacts;
        this.qualification = qualification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int points = Integer.parseInt(String.valueOf(execution.getVariableLocal(ProcessVariables.POINTS)).trim());
        Object reason = execution.getVariableLocal(ProcessVariables.REASON);
        String contactId = execution.getBusinessKey();
        String step = ProcessKeys.keyOf(execution) + "/" + execution.getCurrentActivityId();
        Contact before = contacts.getById(contactId);
        scores.addBehaviour(contactId, points, ScoreComponent.BEHAVIOUR, step + (reason == null ? "" : ": " + reason));
        qualification.qualifyOnceCommittedIfCrossed(contactId, before, step);
    }
}

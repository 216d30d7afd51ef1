package io.nurture.channel.inapp;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.channel.SendSteps;
import io.nurture.channel.Sender;
import io.nurture.process.ProcessVariables;

/** "Send in-app notification" in Modeler: inputs {@code title}, {@code body} and an optional {@code link}. */
@Component("sendInApp")
class SendInAppDelegate implements JavaDelegate {

    private final Sender sender;
    private final SendSteps steps;

    SendInAppDelegate(Sender sender, SendSteps steps) {
        this.sender = sender;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariableLocal(ProcessVariables.TITLE) == null) {
            throw new IllegalArgumentException("In-app step " + execution.getCurrentActivityId() + " has no title");
        }
        sender.send(steps.request(execution, "inapp", execution.getCurrentActivityId(), ProcessVariables.TITLE,
                ProcessVariables.BODY, ProcessVariables.LINK));
    }
}

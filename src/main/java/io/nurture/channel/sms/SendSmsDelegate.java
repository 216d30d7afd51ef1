package io.nurture.channel.sms;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.channel.SendSteps;
import io.nurture.channel.Sender;
import io.nurture.process.ProcessVariables;

/** "Send SMS" in Modeler: input {@code text}; needs the contact's phone and SMS consent, waits out quiet hours. */
@Component("sendSms")
class SendSmsDelegate implements JavaDelegate {

    private final Sender sender;
    private final SendSteps steps;

    SendSmsDelegate(Sender sender, SendSteps steps) {
        this.sender = sender;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariableLocal(ProcessVariables.TEXT) == null) {
            throw new IllegalArgumentException("Send SMS step " + execution.getCurrentActivityId() + " has no text");
        }
        sender.send(steps.request(execution, "sms", execution.getCurrentActivityId(), ProcessVariables.TEXT));
    }
}

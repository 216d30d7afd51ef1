package io.nurture.channel.email;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.channel.Sender;
import io.nurture.channel.SendSteps;
import io.nurture.process.ProcessVariables;

/**
 * "Send e-mail" in Modeler: inputs {@code template} and {@code subject} (optional {@code transactional}), recipient =
 * the contact in the business key. Runs in its own async job; the {@link Sender} makes a retried job skip a send that
 * already went out.
 */
@Component("sendEmail")
class SendEmailDelegate implements JavaDelegate {

    private final Sender sender;
    private final SendSteps steps;
    private final EmailChannel email;

    SendEmailDelegate(Sender sender, SendSteps steps, EmailChannel email) {
        this.sender = sender;
        this.steps = steps;
        this.email = email;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = (String) execution.getVariableLocal(ProcessVariables.TEMPLATE);
        if (template == null || !email.hasTemplate(template)) {
            throw new IllegalArgumentException("No e-mail template '" + template + "' in templates/email/");
        }
        sender.send(steps.request(execution, email.name(), template, ProcessVariables.SUBJECT));
    }
}

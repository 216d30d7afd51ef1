package io.nurture.channel.webhook;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.nurture.channel.SendSteps;
import io.nurture.channel.Sender;
import io.nurture.process.ProcessVariables;

/** "Send webhook" in Modeler: inputs {@code endpoint} (a configured name) and {@code event} (what happened). */
@Component("sendWebhook")
class SendWebhookDelegate implements JavaDelegate {

    private final Sender sender;
    private final SendSteps steps;
    private final WebhookChannel webhooks;

    SendWebhookDelegate(Sender sender, SendSteps steps, WebhookChannel webhooks) {
        this.sender = sender;
        this.steps = steps;
        this.webhooks = webhooks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String endpoint = (String) execution.getVariableLocal(ProcessVariables.ENDPOINT);
        if (endpoint == null || !webhooks.hasEndpoint(endpoint)) {
            throw new IllegalArgumentException("No webhook endpoint '" + endpoint
                    + "' in nurture.channels.webhook.endpoints");
        }
        sender.send(steps.request(execution, "webhook", endpoint, ProcessVariables.ENDPOINT, ProcessVariables.EVENT));
    }
}

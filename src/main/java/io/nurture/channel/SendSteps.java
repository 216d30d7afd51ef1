package io.nurture.channel;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.nurture.process.ProcessKeys;
import io.nurture.process.ProcessVariables;

/** Turns a send step of a diagram into a {@link SendRequest}: idempotency key, campaign, step and A/B variant. */
@Component
public class SendSteps {

    /** {@code inputNames}: the step's own inputs (local variables) the channel needs, e.g. subject or text. */
    public SendRequest request(DelegateExecution execution, String channel, String template, String... inputNames) {
        Map<String, Object> inputs = new HashMap<>();
        // process variables (cartUrl, dateName…) personalise too; the step's own inputs win
        Map<String, Object> variables = execution.getVariables();
        if (variables != null) {
            variables.forEach((name, value) -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    inputs.put(name, value);
                }
            });
        }
        for (String name : inputNames) {
            Object value = execution.getVariableLocal(name);
            if (value != null) {
                inputs.put(name, value);
            }
        }
        Object variant = execution.getVariable(ProcessVariables.VARIANT); // null outside an A/B split
        Object transactional = execution.getVariableLocal(ProcessVariables.TRANSACTIONAL);
        return new SendRequest(idempotencyKey(execution), execution.getBusinessKey(), channel, template, inputs,
                ProcessKeys.keyOf(execution), execution.getCurrentActivityId(), variant == null ? null : variant.toString(),
                Boolean.TRUE.equals(transactional) || "true".equals(transactional));
    }

    /** One send per process instance, activity and loop round. */
    public static String idempotencyKey(DelegateExecution execution) {
        Object loop = execution.getVariableLocal(ProcessVariables.LOOP_COUNTER);
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId()
                + (loop == null ? "" : ":" + loop);
    }
}

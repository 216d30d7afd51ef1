package io.nurture.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for every delegate the campaign diagrams name, registered with the MockExpressionManager of
 * camunda.cfg.xml. They record what the diagram asked for; the real beans are tested against the real app.
 */
class CampaignMocks {

    /** One step the diagram ran: which activity, through which delegate, with which inputs. */
    record Step(String delegate, String activityId, Map<String, Object> inputs) {

        Object input(String name) {
            return inputs.get(name);
        }
    }

    final List<Step> steps = new ArrayList<>();
    final Map<String, Object> contact = new HashMap<>(Map.of("fitScore", 10, "industry", "retail"));
    String variant = "A";

    CampaignMocks register() {
        for (String delegate : List.of("sendEmail", "sendSms", "sendInApp", "sendWebhook", "updateScore",
                "enrolInCampaign", "sunsetContact", "startReEngagement", "fireDateTriggers")) {
            Mocks.register(delegate, (JavaDelegate) execution -> record(delegate, execution));
        }
        Mocks.register("readContact", (JavaDelegate) execution -> {
            record("readContact", execution);
            contact.forEach(execution::setVariable);
        });
        Mocks.register("splitTest", (JavaDelegate) execution -> {
            record("splitTest", execution);
            execution.setVariable("variant", variant);
        });
        Mocks.register("endSplit", (ExecutionListener) execution -> execution.removeVariable("variant"));
        return this;
    }

    private void record(String delegate, DelegateExecution execution) {
        steps.add(new Step(delegate, execution.getCurrentActivityId(), new HashMap<>(execution.getVariablesLocal())));
    }

    List<String> templates() {
        return steps.stream().filter(step -> step.delegate().equals("sendEmail"))
                .map(step -> (String) step.input("template")).toList();
    }

    List<String> activities(String delegate) {
        return steps.stream().filter(step -> step.delegate().equals(delegate)).map(Step::activityId).toList();
    }
}

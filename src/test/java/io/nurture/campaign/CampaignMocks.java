package io.nurture.campaign;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stand-ins for every delegate the campaign diagrams name, registered with the MockExpressionManager of
 * camunda.cfg.xml. They record what the diagram asked for; the real beans are tested against the real app. As a JUnit
 * extension it also binds camunda-bpm-assert to the test's engine and starts Camunda's clock at a fixed instant.
 */
class CampaignMocks implements BeforeEachCallback, AfterEachCallback {

    /** One step the diagram ran: which activity, through which delegate, with which inputs. */
    record Step(String delegate, String activityId, Map<String, Object> inputs) {

        Object input(String name) {
            return inputs.get(name);
        }
    }

    final List<Step> steps = new ArrayList<>();
    final Map<String, Object> contact = new HashMap<>(Map.of("fitScore", 10, "industry", "retail"));
    String variant = "A";

    private final ProcessEngineCoverageExtension engine;
    private final Instant start;

    CampaignMocks(ProcessEngineCoverageExtension engine, Instant start) {
        this.engine = engine;
        this.start = start;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(start));
        register();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Mocks.reset();
        ClockUtil.reset();
    }

    private void register() {
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

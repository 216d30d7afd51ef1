package io.nurture.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly decay run (processes/score-decay.bpmn): a timer start the engine fires, one instance per night. */
class ScoreDecayProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(local("2026-11-23T12:00"));
        init(extension.getProcessEngine());
        Mocks.register("decayScores", (JavaDelegate) execution -> execution.setVariable("decayed",
                runs.incrementAndGet()));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    @Deployment(resources = "processes/score-decay.bpmn")
    void theEngineRunsTheDecayEveryNightAt0315() {
        Job nightly = timer();
        assertThat(nightly.getDuedate()).isEqualTo(local("2026-11-24T03:15"));
        assertThat(managementService().createJobQuery().timers().executable().count()).isZero();

        ClockUtil.setCurrentTime(local("2026-11-24T03:16"));
        execute(managementService().createJobQuery().timers().executable().singleResult());
        execute(managementService().createJobQuery().messages().singleResult()); // the async decay step

        assertThat(runs).hasValue(1);
        assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("score-decay")
                .finished().count()).isEqualTo(1);
        assertThat(timer().getDuedate()).as("the next night").isEqualTo(local("2026-11-25T03:15"));
    }

    /** Cron timers run in the server's time zone. */
    private static Date local(String dateTime) {
        return Date.from(LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant());
    }

    private static Job timer() {
        List<Job> timers = managementService().createJobQuery().timers().list();
        assertThat(timers).hasSize(1);
        return timers.get(0);
    }
}

package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.nurture.JobsOffAppTest;

/**
 * The removal-time strategy on aged history: an instance and a decision that ended three days ago with a time to
 * live of one day are gone after one cleanup run, with their activities, variables and job log; the same that ended
 * now stay. The job executor is off, so the test runs each job itself.
 */
@JobsOffAppTest
class HistoryRemovalIT {

    private static final String PROCESS = "ages-in-a-day";
    private static final String DECISION = "ages-in-a-day-decision";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    DecisionService decisions;

    @Test
    void theEngineCleansUpByRemovalTimeAndKeepsTheCleanupsOwnLogForAWeek() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupJobLogTimeToLive()).isEqualTo("P7D");
        assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P7D");
        assertThat(configuration.getTaskMetricsTimeToLive()).isEqualTo("P540D");
    }

    @Test
    void historyThatEndedBeforeItsTimeToLiveIsRemovedAndRecentHistoryStays() {
        deployModelsThatLiveOneDay();
        String aged;
        String agedDecision;
        try {
            ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(3))));
            aged = runToTheEnd();
            agedDecision = evaluate();
        } finally {
            ClockUtil.reset();
        }
        String recent = runToTheEnd();
        String recentDecision = evaluate();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(aged).count())
                .as("the aged instance's job log").isPositive();

        Job cleanup = history.cleanUpHistoryAsync(true);
        management.executeJob(cleanup.getId());

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(aged).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(aged).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(aged).count()).isZero();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(aged).count()).isZero();
        assertThat(history.createHistoricDecisionInstanceQuery().decisionInstanceId(agedDecision).count()).isZero();

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(recent).count()).isOne();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(recent).count()).isEqualTo(2);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(recent).count()).isOne();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(recent).count()).isPositive();
        assertThat(history.createHistoricDecisionInstanceQuery().decisionInstanceId(recentDecision).count()).isOne();

        assertThat(history.createHistoricJobLogQuery().jobDefinitionType(HistoryCleanupJobHandler.TYPE).list())
                .as("the cleanup's own job log, removed after history-cleanup-job-log-time-to-live").isNotEmpty()
                .allSatisfy(log -> assertThat(log.getRemovalTime()).as(describe(log)).isAfter(new Date()));
    }

    private void deployModelsThatLiveOneDay() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() > 0) {
            return;
        }
        repository.createDeployment()
                .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                        .startEvent().camundaAsyncAfter().endEvent().done())
                .addString(DECISION + ".dmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Ages" name="Ages" namespace="test">
                          <decision id="%s" name="Ages in a day" camunda:historyTimeToLive="P1D">
                            <decisionTable id="Table" hitPolicy="FIRST">
                              <input id="Type"><inputExpression typeRef="string"><text>eventType</text></inputExpression></input>
                              <output id="Points" name="points" typeRef="integer" />
                              <rule id="Any">
                                <inputEntry id="AnyType"><text>-</text></inputEntry>
                                <outputEntry id="AnyPoints"><text>1</text></outputEntry>
                              </rule>
                            </decisionTable>
                          </decision>
                        </definitions>
                        """.formatted(DECISION))
                .deploy();
    }

    /** An instance through its async continuation to its end: a job, so a job log, and a variable. */
    private String runToTheEnd() {
        String id = runtime.startProcessInstanceByKey(PROCESS, Map.of("contactId", "history-removal")).getId();
        management.executeJob(management.createJobQuery().processInstanceId(id).singleResult().getId());
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count()).isOne();
        return id;
    }

    private String evaluate() {
        decisions.evaluateDecisionTableByKey(DECISION, Map.of("eventType", "page_view"));
        return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(DECISION)
                .orderByEvaluationTime().desc().listPage(0, 1).get(0).getId();
    }

    private static String describe(HistoricJobLog log) {
        return log.getId() + " " + log.getTimestamp();
    }
}

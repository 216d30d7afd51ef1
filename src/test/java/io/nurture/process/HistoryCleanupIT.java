package io.nurture.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;

/** The engine's history does not grow forever: the cleanup is scheduled in a nightly window and removes what expired. */
@InboxAppTest
class HistoryCleanupIT {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Test
    void theCleanupIsScheduledEveryNight() {
        NurtureClient api = new NurtureClient(port);

        JsonNode configuration = api.get("/engine-rest/history/cleanup/configuration", "demo").json();
        JsonNode jobs = api.get("/engine-rest/history/cleanup/jobs", "demo").json();

        assertThat(configuration.get("batchWindowStartTime").isNull()).as(configuration.toString()).isFalse();
        assertThat(configuration.get("batchWindowStartTime").asText()).contains("T01:00:00");
        assertThat(configuration.get("batchWindowEndTime").asText()).contains("T05:00:00");
        assertThat(configuration.get("enabled").asBoolean()).isTrue();
        assertThat(jobs).as("the engine's history cleanup job").isNotEmpty();
    }

    @Test
    void historyPastItsTimeToLiveIsRemoved() {
        repository.createDeployment().addModelInstance("expires-at-once.bpmn", Bpmn.createExecutableProcess("expires")
                .camundaHistoryTimeToLive(0).startEvent().endEvent().done()).deploy();
        String finished = runtime.startProcessInstanceByKey("expires").getId();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished).count()).isEqualTo(1);

        NurtureClient api = new NurtureClient(port);
        assertThat(api.post("/engine-rest/history/cleanup?immediatelyDue=true", "", "demo").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(finished).count() == 0);
    }
}

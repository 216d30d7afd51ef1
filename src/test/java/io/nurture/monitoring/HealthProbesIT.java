package io.nurture.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.nurture.InboxAppTest;
import io.nurture.NurtureClient;
import io.nurture.NurtureClient.Response;

/**
 * The probes a load balancer or Kubernetes calls, without a login: readiness follows the job executor (and the
 * database), liveness only the process itself.
 */
@InboxAppTest
class HealthProbesIT {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngineConfigurationImpl engine;

    NurtureClient api;

    @BeforeEach
    void client() {
        api = new NurtureClient(port);
    }

    @Test
    void readinessIsDownWhileTheJobExecutorIsStoppedAndUpOnceItRunsAgain() {
        assertThat(probe("/actuator/health/readiness")).isEqualTo(200);
        JobExecutor executor = engine.getJobExecutor();

        executor.shutdown();
        try {
            Response readiness = api.get("/actuator/health/readiness", null);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(probe("/actuator/health/liveness")).as("still alive: a restart would not help")
                    .isEqualTo(200);
        } finally {
            executor.start();
        }

        assertThat(probe("/actuator/health/readiness")).isEqualTo(200);
    }

    @Test
    void theProbesAndHealthNeedNoLoginAndShowNoDetails() {
        Response health = api.get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(probe("/actuator/health/liveness")).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness", "sdr").status()).as("credentials change nothing")
                .isEqualTo(200);
    }

    private int probe(String path) {
        return api.get(path, null).status();
    }
}

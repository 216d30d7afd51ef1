package io.nurture.monitoring;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code jobExecutor} in {@code /actuator/health} and its readiness group: DOWN while the engine's job executor is
 * not running, since a node without it answers requests but sends nothing and fires no timer. Replaces the Camunda
 * starter's indicator of the same name (which exists only while the executor is configured, so the readiness group
 * could not name it on a node started with {@code camunda.bpm.job-execution.enabled=false}); on such a node it is
 * UNKNOWN, which leaves readiness UP.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealth extends AbstractHealthIndicator {

    private final ProcessEngineConfigurationImpl engine;
    private final boolean enabled;

    JobExecutorHealth(ProcessEngineConfigurationImpl engine,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        super("The job executor's state could not be read");
        this.engine = engine;
        this.enabled = enabled;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        JobExecutor executor = engine.getJobExecutor();
        if (!enabled) {
            health.unknown().withDetail("reason", "job execution is off on this node");
        } else if (executor != null && executor.isActive()) {
            health.up();
        } else {
            health.down().withDetail("reason", "the job executor is not running: no sends, no timers");
        }
    }
}

package io.nurture.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

import io.nurture.process.deployment.DeploymentChecks;

/**
 * An engine apart from Nurture's own, for running diagrams where nothing real may happen (the simulator): its own
 * in-memory database, no job executor, no metrics, and the same rules as Nurture's engine for what a deployment may
 * contain and how variables are stored, so an uploaded diagram can do there no more than it could here.
 */
public final class IsolatedEngines {

    private IsolatedEngines() {
    }

    /** A configuration to finish (beans, listeners, calendars) and build; {@code name} must be unique in the JVM. */
    public static ProcessEngineConfigurationImpl inMemory(String name) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        configuration.setTaskMetricsEnabled(false);
        configuration.setEnforceHistoryTimeToLive(false);
        List<ProcessEnginePlugin> plugins = new ArrayList<>(configuration.getProcessEnginePlugins());
        plugins.add(DeploymentChecks.plugin());
        plugins.add(new NoJavaSerializationPlugin());
        configuration.setProcessEnginePlugins(plugins);
        return configuration;
    }
}

package io.nurture.process.deployment;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

/** The deployment check as a plugin for an engine other than Nurture's own (see {@code IsolatedEngines}). */
public final class DeploymentChecks {

    private DeploymentChecks() {
    }

    public static ProcessEnginePlugin plugin() {
        return new DeploymentCheckPlugin();
    }
}

package io.nurture.process.deployment;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link DeploymentCheck} in front of the engine's deployers. A pre-deployer rather than a BPMN parse listener:
 * it sees every resource of a deployment (DMN, forms, stray scripts too), it sees the raw XML (so also attributes the
 * parser would ignore and text it would evaluate), and it reports all findings of all files at once. Deploying is
 * all a deployer may do: see {@link CreatorReadsOwnDeployment}. After it, {@link SegmentTriggerDeployer} gives the
 * segment triggers their messages, and {@link SegmentTriggerDuplicates} keeps duplicate filtering working for them.
 */
@Component
class DeploymentCheckPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, new DeploymentCheck());
        preDeployers.add(1, new SegmentTriggerDeployer());
        configuration.setCustomPreDeployers(preDeployers);
        if (configuration.getDeploymentHandlerFactory() == null) {
            configuration.setDeploymentHandlerFactory(new SegmentTriggerDuplicates());
        }
        if (configuration.getResourceAuthorizationProvider() == null) {
            configuration.setResourceAuthorizationProvider(new CreatorReadsOwnDeployment());
        }
    }
}

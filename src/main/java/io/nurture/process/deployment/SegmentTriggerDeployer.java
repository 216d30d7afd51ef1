package io.nurture.process.deployment;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Rewrites the segment triggers of a new deployment's diagrams ({@link SegmentTriggerMessages}) after
 * {@link DeploymentCheck} passed them and before the engine's BPMN deployer parses them. The deploy command inserts
 * its resources when it ends, so the bytes set here are the ones stored, parsed and shown in Cockpit.
 */
class SegmentTriggerDeployer implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            byte[] rewritten = SegmentTriggerMessages.rewrite(resource.getName(), resource.getBytes());
            if (rewritten != resource.getBytes()) {
                resource.setBytes(rewritten);
            }
        }
    }
}

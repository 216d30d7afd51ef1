package io.nurture.process.deployment;

import java.util.List;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.xml.ModelException;

/**
 * Rewrites the segment triggers of a new deployment's diagrams ({@link SegmentTriggerMessages}) after
 * {@link DeploymentCheck} passed them and before the engine's BPMN deployer parses them. The deploy command inserts
 * its resources when it ends, so the bytes set here are the ones stored, parsed and shown in Cockpit. A diagram the
 * model API cannot read (not valid against the BPMN schema) is refused as the engine's own parser would refuse it.
 */
class SegmentTriggerDeployer implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            byte[] rewritten;
            try {
                rewritten = SegmentTriggerMessages.rewrite(resource.getName(), resource.getBytes());
            } catch (ModelException notBpmn) {
                throw new DeploymentRefusedException(deployment.getName() == null ? "" : "'" + deployment.getName()
                        + "'", List.of(Finding.ofFile(resource.getName(), Rule.XML, "'" + resource.getName()
                                + "' has segment triggers but is no valid BPMN: " + notBpmn.getMessage())));
            }
            if (rewritten != resource.getBytes()) {
                resource.setBytes(rewritten);
            }
        }
    }
}

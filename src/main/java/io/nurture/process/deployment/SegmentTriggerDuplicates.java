package io.nurture.process.deployment;

import java.util.Arrays;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.repository.DefaultDeploymentHandler;
import org.camunda.bpm.engine.repository.DeploymentHandler;
import org.camunda.bpm.engine.repository.DeploymentHandlerFactory;
import org.camunda.bpm.engine.repository.Resource;

/**
 * Duplicate filtering (Modeler's deploy, {@code processes/} on start) as the engine does it, but comparing a diagram
 * with segment triggers as it would be stored: the stored version is the rewritten one, so comparing the marketer's
 * file as sent would make every unchanged deploy a new version.
 */
class SegmentTriggerDuplicates implements DeploymentHandlerFactory {

    @Override
    public DeploymentHandler buildDeploymentHandler(ProcessEngine processEngine) {
        return new DefaultDeploymentHandler(processEngine) {

            @Override
            protected boolean resourcesDiffer(Resource newResource, Resource existingResource) {
                byte[] stored = existingResource.getBytes();
                byte[] sent = newResource.getBytes();
                if (Arrays.equals(sent, stored)) {
                    return false;
                }
                try {
                    return !Arrays.equals(SegmentTriggerMessages.rewrite(newResource.getName(), sent), stored);
                } catch (RuntimeException notDeployable) {
                    return true; // the deploy goes on, and the check refuses it naming the element
                }
            }
        };
    }
}

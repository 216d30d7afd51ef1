package io.nurture.process.deployment;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * The engine's default grants, except that whoever deploys may read the new deployment but not delete it: Camunda
 * grants READ and DELETE, and deleting with {@code cascade} removes every process instance of its versions, which
 * for a marketer would mean the running campaigns of the contacts. Deleting stays with admins.
 */
class CreatorReadsOwnDeployment extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
        var authentication = Context.getProcessEngineConfiguration().getIdentityService().getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return null;
        }
        return new AuthorizationEntity[] { createGrantAuthorization(authentication.getUserId(), null,
                Resources.DEPLOYMENT, deployment.getId(), Permissions.READ) };
    }
}

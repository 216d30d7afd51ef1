package io.nurture.setup;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The grants each team's work needs, given to the groups {@code sdr}, {@code sales}, {@code marketing},
 * {@code sdr-lead} and {@code success} in every
 * profile: in production an admin only creates the groups and adds people to them.
 */
@Component
class TeamPermissions {

    private final AuthorizationService authorizations;

    TeamPermissions(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    void grantMissing() {
        for (String group : new String[] { "sdr", "sales", "marketing", "sdr-lead", "success" }) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
        }
        // the contact's context (name, company, score) on the cards of the Tasklist filters
        grant("sdr", Resources.PROCESS_DEFINITION, "lead-handoff", Permissions.READ_INSTANCE);
        grant("sales", Resources.PROCESS_DEFINITION, "lead-handoff", Permissions.READ_INSTANCE);
        grant("sdr-lead", Resources.PROCESS_DEFINITION, "lead-handoff", Permissions.READ_INSTANCE);
        grant("success", Resources.PROCESS_DEFINITION, "customer-advocacy", Permissions.READ_INSTANCE);
        // marketers watch their campaigns in Cockpit
        grant("marketing", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("marketing", Resources.PROCESS_DEFINITION, "*", Permissions.READ_INSTANCE);
        grant("marketing", Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY);
        grant("marketing", Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        // marketers deploy from Modeler with their own account; process/deployment/DeploymentCheck vets every file
        grant("marketing", Resources.DEPLOYMENT, "*", Permissions.CREATE);
    }

    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
                .list().stream().findFirst().orElse(null);
        Authorization grant = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        }
        grant.addPermission(permission);
        authorizations.saveAuthorization(grant);
    }
}

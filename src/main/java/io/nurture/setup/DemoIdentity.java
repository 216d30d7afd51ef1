package io.nurture.setup;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The demo team of DESIGN §4: {@code sdr/sdr}, {@code sales/sales}, {@code marketer/marketer} (and {@code demo/demo},
 * the admin, created by the Camunda starter), with just the grants their work needs.
 */
@Component
class DemoIdentity {

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    DemoIdentity(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    void createMissing() {
        team("sdr", "Sales development", "sdr", "Sam", "Rivera");
        team("sales", "Sales", "sales", "Sasha", "Kim");
        team("marketing", "Marketing", "marketer", "Mia", "Torres");

        for (String group : new String[] { "sdr", "sales", "marketing" }) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
        }
        // the contact's context (name, company, score) on the cards of the Tasklist filters
        grant("sdr", Resources.PROCESS_DEFINITION, "lead-handoff", Permissions.READ_INSTANCE);
        grant("sales", Resources.PROCESS_DEFINITION, "lead-handoff", Permissions.READ_INSTANCE);
        // marketers watch their campaigns in Cockpit
        grant("marketing", Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant("marketing", Resources.PROCESS_DEFINITION, "*", Permissions.READ_INSTANCE);
        grant("marketing", Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY);
        grant("marketing", Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    }

    private void team(String groupId, String groupName, String userId, String firstName, String lastName) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupName);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(userId + "@nurture.example");
            user.setPassword(userId);
            identity.saveUser(user);
            identity.createMembership(userId, groupId);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
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

package io.nurture.setup;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The demo team of the default profile: {@code sdr/sdr}, {@code sales/sales}, {@code marketer/marketer},
 * {@code sdrlead/sdrlead} (escalated SDR tasks), {@code success/success} (NPS detractors), {@code integration/integration}
 * (the website's back end posting events), {@code privacy/privacy} (erasure requests) and {@code monitoring/monitoring}
 * (a Prometheus scraper reading {@code /actuator/prometheus}) in their groups
 * ({@code demo/demo}, the admin, comes from the Camunda starter).
 */
@Component
class DemoIdentity {

    private final IdentityService identity;

    DemoIdentity(IdentityService identity) {
        this.identity = identity;
    }

    void createMissing() {
        team("sdr", "Sales development", "sdr", "Sam", "Rivera");
        team("sales", "Sales", "sales", "Sasha", "Kim");
        team("marketing", "Marketing", "marketer", "Mia", "Torres");
        team("sdr-lead", "SDR leads", "sdrlead", "Lee", "Okafor");
        team("success", "Customer success", "success", "Sky", "Larsen");
        team("integration", "Integrations", "integration", "Website", "Backend");
        team("privacy", "Privacy office", "privacy", "Pat", "Moreau");
        team("monitoring", "Monitoring", "monitoring", "Prometheus", "Scraper");
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
}

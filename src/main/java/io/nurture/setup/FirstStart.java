package io.nurture.setup;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Runs after the engine has deployed {@code processes/}: Tasklist filters and team permissions always, the demo team
 * and demo contacts when {@code nurture.demo.enabled}.
 */
@Component
class FirstStart implements ApplicationRunner {

    private final TasklistFilters filters;
    private final TeamPermissions permissions;
    private final DemoIdentity demoIdentity;
    private final DemoData demoData;
    private final boolean demoEnabled;

    FirstStart(TasklistFilters filters, TeamPermissions permissions, DemoIdentity demoIdentity, DemoData demoData,
            @Value("${nurture.demo.enabled:false}") boolean demoEnabled) {
        this.filters = filters;
        this.permissions = permissions;
        this.demoIdentity = demoIdentity;
        this.demoData = demoData;
        this.demoEnabled = demoEnabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        filters.createMissing();
        permissions.grantMissing();
        if (demoEnabled) {
            demoIdentity.createMissing();
            demoData.createIfEmpty();
        }
    }
}

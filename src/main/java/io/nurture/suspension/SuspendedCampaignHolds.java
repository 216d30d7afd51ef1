package io.nurture.suspension;

import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

import io.nurture.process.CampaignHolds;

/**
 * Holds a suspended campaign's starts and the messages to its suspended instances, in the caller's transaction. Both
 * lock the campaign's row first, so a resume's last step either sees what they held or they see the campaign
 * resumed. A campaign suspended in Cockpit, without a row here, is held for too: starting it would fail.
 */
@Component
class SuspendedCampaignHolds implements CampaignHolds {

    private final HeldRows rows;
    private final RepositoryService repository;

    SuspendedCampaignHolds(HeldRows rows, RepositoryService repository) {
        this.rows = rows;
        this.repository = repository;
    }

    @Override
    public boolean holdStart(HeldStart start) {
        if (rows.lock(start.processKey()).isEmpty() && !suspendedInTheEngine(start.processKey())) {
            return false;
        }
        rows.holdStart(start, Instant.now());
        return true;
    }

    @Override
    public boolean holdMessage(HeldMessage message, BooleanSupplier stillSuspended) {
        rows.lock(message.processKey());
        if (!stillSuspended.getAsBoolean()) {
            return false;
        }
        rows.holdMessage(message, Instant.now());
        return true;
    }

    private boolean suspendedInTheEngine(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).withoutTenantId()
                .latestVersion().suspended().count() > 0;
    }
}

package io.nurture.suspension;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
    private final RuntimeService runtime;
    private final RepositoryService repository;

    SuspendedCampaignHolds(HeldRows rows, RuntimeService runtime, RepositoryService repository) {
        this.rows = rows;
        this.runtime = runtime;
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
    public boolean holdMessage(String processKey, String processInstanceId, String contactId, String message,
            Map<String, Object> variables) {
        rows.lock(processKey);
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).suspended().count() == 0) {
            return false;
        }
        rows.holdMessage(processKey, processInstanceId, contactId, message, variables, Instant.now());
        return true;
    }

    private boolean suspendedInTheEngine(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).withoutTenantId()
                .latestVersion().suspended().count() > 0;
    }
}

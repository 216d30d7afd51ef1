package io.nurture.suspension;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import io.nurture.process.ConcurrentChanges;
import io.nurture.process.ContactProcesses;
import io.nurture.process.CampaignHolds.HeldMessage;
import io.nurture.suspension.HeldRows.HeldMessageRow;
import io.nurture.suspension.HeldRows.HeldStartRow;
import io.nurture.suspension.HeldRows.Suspension;

/**
 * Suspends and resumes a campaign (all its versions and instances). Resume, in steps that each commit on their own,
 * so that one interrupted is finished by resuming again and two resumes at once do each thing once: every held row is
 * deleted in the transaction that runs it, and a row another resume deleted first is skipped.
 * <ol>
 * <li>each instance with held messages is activated and gets them, in order, in one transaction: its timers and
 * sends, active only from that commit on, run after the messages (an unsubscribe ends it before an overdue mail);
 * <li>the campaign and its other instances are activated, with any message held meanwhile;
 * <li>the held starts run, per contact, a start once while an instance runs;
 * <li>the campaign's row goes, once nothing is held any more (holds lock that row, so none slips past).
 * </ol>
 */
@Service
public class CampaignSuspensions {

    private static final int ATTEMPTS = 5;
    private static final String SUSPENDED_IN_THE_ENGINE = "engine";

    private final HeldRows rows;
    private final ContactProcesses processes;
    private final RepositoryService repository;
    private final TransactionOperations transaction;

    CampaignSuspensions(HeldRows rows, ContactProcesses processes, RepositoryService repository,
            TransactionOperations transaction) {
        this.rows = rows;
        this.processes = processes;
        this.repository = repository;
        this.transaction = transaction;
    }

    public SuspensionState state(String campaign) {
        requireCampaign(campaign);
        long starts = rows.heldStarts(campaign);
        long messages = rows.heldMessages(campaign);
        return rows.find(campaign)
                .map(row -> new SuspensionState(campaign, row.resumingSince() == null ? "suspended" : "resuming",
                        row.suspendedAt(), row.suspendedBy(), row.reason(), row.resumingSince(), starts, messages))
                .orElseGet(() -> new SuspensionState(campaign, suspendedInTheEngine(campaign) ? "suspended" : "active",
                        null, null, null, null, starts, messages));
    }

    /** Suspends the campaign, its versions and running instances; again is harmless (keeps the first one's row). */
    public SuspensionState suspend(String campaign, String user, String reason) {
        requireCampaign(campaign);
        if (reason != null && reason.length() > SuspensionRequest.MAX_REASON) {
            throw SuspensionRefusal.invalid("reason: at most " + SuspensionRequest.MAX_REASON + " characters");
        }
        ConcurrentChanges.retried(transaction, ATTEMPTS, status -> {
            Suspension row = rows.lock(campaign).orElse(null);
            if (row == null) {
                rows.insert(campaign, Instant.now(), user, reason);
            } else if (row.resumingSince() != null) {
                throw SuspensionRefusal.conflict("Campaign '" + campaign + "' is being resumed since "
                        + row.resumingSince() + "; suspend it again once it is active");
            }
            repository.updateProcessDefinitionSuspensionState().byProcessDefinitionKey(campaign)
                    .includeProcessInstances(true).suspend();
        });
        // again for an instance whose start committed after the suspension's update looked at the instances
        ConcurrentChanges.retried(transaction, ATTEMPTS, status -> repository
                .updateProcessDefinitionSuspensionState().byProcessDefinitionKey(campaign)
                .includeProcessInstances(true).suspend());
        return state(campaign);
    }

    /** Resumes the campaign as the class comment says; resuming an active campaign is harmless. */
    public SuspensionState resume(String campaign, String user) {
        requireCampaign(campaign);
        boolean suspended = ConcurrentChanges.retried(transaction, ATTEMPTS, DuplicateKeyException.class::isInstance,
                status -> {
                    if (rows.lock(campaign).isEmpty()) {
                        if (!suspendedInTheEngine(campaign)
                                && rows.heldStarts(campaign) + rows.heldMessages(campaign) == 0) {
                            return false;
                        }
                        // suspended in Cockpit: the row makes starts wait their turn while the resume runs
                        rows.insert(campaign, Instant.now(), SUSPENDED_IN_THE_ENGINE, null);
                    }
                    rows.markResuming(campaign, Instant.now(), user);
                    return true;
                });
        if (!suspended) {
            return state(campaign);
        }
        for (String instanceId : rows.instancesWithHeldMessages(campaign)) {
            ConcurrentChanges.retried(transaction, ATTEMPTS, status -> deliverHeldMessages(instanceId, true));
        }
        boolean resumed;
        do {
            ConcurrentChanges.retried(transaction, ATTEMPTS, status -> {
                rows.lock(campaign);
                repository.updateProcessDefinitionSuspensionState().byProcessDefinitionKey(campaign)
                        .includeProcessInstances(true).activate();
                rows.instancesWithHeldMessages(campaign).forEach(instance -> deliverHeldMessages(instance, false));
            });
            for (String contactId : rows.contactsWithHeldStarts(campaign)) {
                ConcurrentChanges.retried(transaction, ATTEMPTS, status -> runHeldStarts(campaign, contactId));
            }
            resumed = ConcurrentChanges.retried(transaction, ATTEMPTS, failure -> false, status -> {
                rows.lock(campaign);
                if (rows.heldStarts(campaign) + rows.heldMessages(campaign) > 0) {
                    return false;
                }
                rows.delete(campaign);
                return true;
            });
        } while (!resumed);
        return state(campaign);
    }

    private void deliverHeldMessages(String instanceId, boolean activateFirst) {
        List<HeldMessage> taken = rows.heldMessagesOf(instanceId).stream().filter(held -> rows.takeMessage(held.id()))
                .map(HeldMessageRow::message).toList();
        if (!taken.isEmpty()) {
            processes.deliverHeld(instanceId, taken, activateFirst);
        }
    }

    private void runHeldStarts(String campaign, String contactId) {
        for (HeldStartRow held : rows.heldStartsOf(campaign, contactId)) {
            if (rows.takeStart(held.id())) {
                processes.runHeld(held.start());
            }
        }
    }

    private boolean suspendedInTheEngine(String campaign) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(campaign).withoutTenantId()
                .latestVersion().suspended().count() > 0;
    }

    private void requireCampaign(String campaign) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(campaign).withoutTenantId().count() == 0) {
            throw SuspensionRefusal.notFound("No campaign with the key '" + campaign + "'");
        }
    }
}

package io.nurture.process;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.nurture.process.CampaignHolds.HeldMessage;
import io.nurture.process.CampaignHolds.HeldStart;

/**
 * Everything Nurture asks the engine about a contact's process instances (business key = contact id): is one
 * running, start one once, correlate a message, end them, their history. Runs in the caller's transaction. A
 * conflict with a job moving the same instance at the same moment (an {@code OptimisticLockingException}) is not
 * caught here: it rolls the caller's transaction back, which {@link ConcurrentChanges} retries or the API answers
 * as busy. While a campaign is suspended, its starts and the messages to its suspended instances are not refused
 * by the engine but held ({@link CampaignHolds}) and run on resume ({@link #runHeld}, {@link #deliverHeld}).
 */
@Component
public class ContactProcesses {

    /**
     * One of a contact's instances, running or finished ({@code state} as Cockpit shows it); {@code steps} names
     * where a running one waits (one step per parallel branch) or the step a finished one ended at, by the steps'
     * names in its diagram (the id where a step has none).
     */
    public record Instance(String id, String processKey, String state, Instant started, Instant ended,
            List<String> steps) {
    }

    /**
     * The way one instance went through the exact version of its diagram ({@code bpmnXml}, null when that version's
     * deployment is gone): the activities it {@code passed}, the sequence {@code flows} it took (derived: the engine
     * keeps no history of flows), where it is {@code waiting} now (activity ids; empty once ended).
     */
    public record Path(String id, String processKey, String processDefinitionId, int version, String state,
            Instant started, Instant ended, String bpmnXml, List<Passage> passed, List<String> flows,
            List<String> waiting) {
    }

    /**
     * An activity an instance reached, in the order it first did: {@code times} rounds (more than one in a loop),
     * from the first one's start to the last one's end (null while that one runs).
     */
    public record Passage(String activityId, String name, String type, int times, Instant started, Instant ended) {
    }

    /** What an erasure removed from the engine, for the audit row. */
    public record Erased(int processInstances, int operationLogEntries) {
    }

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final DeclaredMessages declared;
    private final StepNames stepNames;
    private final InstancePaths paths;
    private final CampaignHolds holds;

    ContactProcesses(RuntimeService runtime, HistoryService history, RepositoryService repository,
            DeclaredMessages declared, StepNames stepNames, InstancePaths paths, CampaignHolds holds) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.declared = declared;
        this.stepNames = stepNames;
        this.paths = paths;
        this.holds = holds;
    }

    public boolean isRunning(String processKey, String contactId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(contactId).count() > 0;
    }

    /**
     * Starts {@code processKey} for the contact unless an instance of it is running; false if one is. Two starts for
     * the same contact at the same moment must be serialised by the caller (the contact's row lock). A suspended
     * campaign's start is held and counts as started.
     */
    public boolean startOnce(String processKey, StartVariables variables) {
        if (isRunning(processKey, variables.contactId())) {
            return false;
        }
        startNew(processKey, variables);
        return true;
    }

    /** {@link #startOnce} for a contact created in this transaction: none of its instances can be running. */
    public void startNew(String processKey, StartVariables variables) {
        if (!holds.holdStart(new HeldStart(processKey, variables.contactId(), variables.asVariables(), null, null))) {
            runtime.startProcessInstanceByKey(processKey, variables.contactId(), variables.asVariables());
        }
    }

    /** Starts a new instance right before {@code activityId}, whether or not another one runs (or holds it). */
    public void startBefore(String processKey, String activityId, StartVariables variables) {
        if (!holds.holdStart(new HeldStart(processKey, variables.contactId(), variables.asVariables(), activityId,
                null))) {
            startBefore(processKey, activityId, variables.contactId(), variables.asVariables());
        }
    }

    /**
     * Correlates {@code message} to every instance of the contact waiting for it; false when none waits, which is
     * not an error: the caller decides what that means. One waiting in a suspended campaign gets it on resume.
     */
    public boolean correlate(String message, String contactId, Map<String, Object> variables) {
        List<Execution> waiting = runtime.createExecutionQuery().processInstanceBusinessKey(contactId)
                .messageEventSubscriptionName(message).list();
        if (waiting.stream().noneMatch(Execution::isSuspended)) {
            return !runtime.createMessageCorrelation(message).processInstanceBusinessKey(contactId)
                    .setVariables(variables).correlateAllWithResult().isEmpty();
        }
        boolean reached = false;
        for (String instanceId : waiting.stream().map(Execution::getProcessInstanceId).distinct().toList()) {
            reached |= holdOrCorrelate(message, instanceId, contactId, variables);
        }
        return reached;
    }

    /**
     * A held start of a resumed campaign, as it would have run: before its activity, by its start message unless
     * the contact is in the campaign already, or plainly unless it is.
     */
    public void runHeld(HeldStart start) {
        if (start.beforeActivity() != null) {
            startBefore(start.processKey(), start.beforeActivity(), start.contactId(), start.variables());
        } else if (!isRunning(start.processKey(), start.contactId())) {
            if (start.startMessage() == null) {
                runtime.startProcessInstanceByKey(start.processKey(), start.contactId(), start.variables());
            } else {
                String latest = repository.createProcessDefinitionQuery().processDefinitionKey(start.processKey())
                        .withoutTenantId().latestVersion().singleResult().getId();
                runtime.createMessageCorrelation(start.startMessage()).processDefinitionId(latest)
                        .processInstanceBusinessKey(start.contactId()).setVariables(start.variables())
                        .correlateStartMessage();
            }
        }
    }

    /**
     * The messages held for one instance, in order, after activating it if {@code activate}: in one transaction, so
     * its timers and sends, active from that commit on, run after them. Nothing if the instance has ended; a message
     * it no longer waits for reaches nobody.
     */
    public void deliverHeld(String processInstanceId, List<HeldMessage> messages, boolean activate) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        if (instance == null) {
            return;
        }
        if (activate && instance.isSuspended()) {
            runtime.updateProcessInstanceSuspensionState().byProcessInstanceId(processInstanceId).activate();
        }
        messages.forEach(held -> correlateTo(held.message(), processInstanceId, held.variables()));
    }

    /**
     * A message a diagram may listen for by its name alone (a contact's event, {@code event:trial_started}): moves
     * each of the contact's instances waiting for it, then starts each campaign whose start event listens for it,
     * unless the contact is in that campaign already (started with the {@code starting} variables). No query when no
     * deployed diagram declares the name, one indexed query when none waits for it. Returns how many instances it
     * moved or started.
     */
    public int announce(String message, String contactId, Supplier<StartVariables> starting) {
        if (!declared.mayBeDeclared(message)
                || runtime.createEventSubscriptionQuery().eventType("message").eventName(message).count() == 0) {
            return 0;
        }
        int reached = 0;
        for (Execution waiting : runtime.createExecutionQuery().processInstanceBusinessKey(contactId)
                .messageEventSubscriptionName(message).list()) {
            if (!waiting.isSuspended() || !hold(message, waiting.getProcessInstanceId(), contactId, Map.of())) {
                runtime.messageEventReceived(message, waiting.getId());
            }
            reached++;
        }
        for (ProcessDefinition campaign : repository.createProcessDefinitionQuery()
                .messageEventSubscriptionName(message).list()) {
            if (!isRunning(campaign.getKey(), contactId)) {
                Map<String, Object> variables = starting.get().asVariables();
                if (!holds.holdStart(new HeldStart(campaign.getKey(), contactId, variables, null, message))) {
                    runtime.createMessageCorrelation(message).processDefinitionId(campaign.getId())
                            .processInstanceBusinessKey(contactId).setVariables(variables).correlateStartMessage();
                }
                reached++;
            }
        }
        return reached;
    }

    /** Correlates {@code message} to one instance, if it waits for it (on resume, if it is suspended). */
    public boolean correlateToInstance(String message, String processInstanceId) {
        List<Execution> waiting = runtime.createExecutionQuery().processInstanceId(processInstanceId)
                .messageEventSubscriptionName(message).list();
        if (waiting.isEmpty()) {
            return false;
        }
        if (waiting.stream().noneMatch(Execution::isSuspended)) {
            return correlateTo(message, processInstanceId, Map.of());
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return instance != null && holdOrCorrelate(message, processInstanceId, instance.getBusinessKey(), Map.of());
    }

    /** Correlates {@code message} to each running instance of the contact but {@code exceptInstanceId} (or null). */
    public void correlateToAllBut(String message, String contactId, String exceptInstanceId) {
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(contactId)
                .list()) {
            if (instance.getId().equals(exceptInstanceId)) {
                continue;
            }
            if (!instance.isSuspended() || !hold(message, instance.getId(), contactId, Map.of())) {
                correlateTo(message, instance.getId(), Map.of());
            }
        }
    }

    private boolean holdOrCorrelate(String message, String instanceId, String contactId,
            Map<String, Object> variables) {
        return isSuspended(instanceId) && hold(message, instanceId, contactId, variables)
                || correlateTo(message, instanceId, variables);
    }

    private boolean isSuspended(String instanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(instanceId).suspended().count() > 0;
    }

    private boolean hold(String message, String instanceId, String contactId, Map<String, Object> variables) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (instance == null) {
            return true; // ended meanwhile: nobody waits for the message any more
        }
        String processKey = repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey();
        return holds.holdMessage(new HeldMessage(processKey, instanceId, contactId, message, variables),
                () -> isSuspended(instanceId));
    }

    private boolean correlateTo(String message, String instanceId, Map<String, Object> variables) {
        return !runtime.createMessageCorrelation(message).processInstanceId(instanceId).setVariables(variables)
                .correlateAllWithResult().isEmpty();
    }

    private void startBefore(String processKey, String activityId, String contactId, Map<String, Object> variables) {
        runtime.createProcessInstanceByKey(processKey).businessKey(contactId)
                .setVariables(Variables.fromMap(variables)).startBeforeActivity(activityId).execute();
    }

    /** Ends the running instances of these contacts without their listeners (no sends), as externally terminated. */
    public void endRunning(Collection<String> contactIds, String reason) {
        end(contactIds.stream()
                .flatMap(key -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list().stream())
                .map(ProcessInstance::getId).toList(), reason);
    }

    /** Ends the contact's instances of {@code processKey} that wait at {@code activityId}, as {@link #endRunning}. */
    public void endWaitingAt(String processKey, String contactId, String activityId, String reason) {
        end(runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(contactId).activityIdIn(activityId).list().stream()
                .map(ProcessInstance::getId).toList(), reason);
    }

    /** The contact's instances, running and finished, the latest started first. */
    public List<Instance> history(String contactId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(contactId)
                .orderByProcessInstanceStartTime().desc().list().stream()
                .map(i -> new Instance(i.getId(), i.getProcessDefinitionKey(), i.getState(), instant(i.getStartTime()),
                        instant(i.getEndTime()), steps(i)))
                .toList();
    }

    /** The way each of the contact's instances went, running and finished, any version, the latest started first. */
    public List<Path> paths(String contactId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(contactId)
                .orderByProcessInstanceStartTime().desc().list().stream().map(paths::of).toList();
    }

    /** Where a running instance waits (its innermost activity instances), or the step a finished one ended at. */
    private List<String> steps(HistoricProcessInstance instance) {
        String definition = instance.getProcessDefinitionId();
        if (instance.getEndTime() != null) {
            String end = instance.getEndActivityId();
            return end == null ? List.of() : List.of(stepNames.inDefinition(definition, end));
        }
        return paths.waiting(instance.getId()).stream().map(step -> stepNames.inDefinition(definition, step))
                .distinct().toList();
    }

    /**
     * An erasure's part in the engine: ends the contacts' running instances, then deletes every instance whose
     * business key is one of them, with the instances they called (a call activity need not pass the business key
     * on), and the user operation log about them (a task an SDR completed, a variable edited in Cockpit), which the
     * engine keeps apart from an instance's history and does not delete with it.
     */
    public Erased erase(Collection<String> contactIds, String reason) {
        endRunning(contactIds, reason);
        List<String> instances = withCalledInstances(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(contactIds.toArray(String[]::new)).list());
        if (!instances.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(instances);
        }
        // after the instances, so an entry their deletion may have written goes too
        List<String> logEntries = instances.stream()
                .flatMap(id -> history.createUserOperationLogQuery().processInstanceId(id).list().stream())
                .map(UserOperationLogEntry::getId).distinct().toList();
        logEntries.forEach(history::deleteUserOperationLogEntry);
        return new Erased(instances.size(), logEntries.size());
    }

    private void end(List<String> instanceIds, String reason) {
        if (!instanceIds.isEmpty()) {
            runtime.deleteProcessInstances(instanceIds, reason, true, true);
        }
    }

    private List<String> withCalledInstances(List<HistoricProcessInstance> roots) {
        Set<String> all = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>();
        roots.forEach(instance -> toVisit.add(instance.getId()));
        while (!toVisit.isEmpty()) {
            String id = toVisit.poll();
            if (all.add(id)) {
                history.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list()
                        .forEach(called -> toVisit.add(called.getId()));
            }
        }
        return new ArrayList<>(all);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

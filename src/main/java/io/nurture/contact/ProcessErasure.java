package io.nurture.contact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The engine's part of an erasure: every instance whose business key is one of the contact's ids, running or
 * finished, with the instances they called (a call activity need not pass the business key on), and the user
 * operation log about them (a task an SDR completed, a variable edited in Cockpit), which the engine keeps apart
 * from an instance's history and does not delete with it. A merge ends the merged contact's running instances here
 * too.
 */
@Component
class ProcessErasure {

    private final RuntimeService runtime;
    private final HistoryService history;

    ProcessErasure(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    void erase(ContactErased erased) {
        endRunning(erased.contactIds(), "contact erased");
        List<String> instances = withCalledInstances(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(erased.contactIds().toArray(String[]::new)).list());
        if (!instances.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(instances);
        }
        // after the instances, so an entry their deletion may have written goes too
        List<String> logEntries = instances.stream()
                .flatMap(id -> history.createUserOperationLogQuery().processInstanceId(id).list().stream())
                .map(UserOperationLogEntry::getId).distinct().toList();
        logEntries.forEach(history::deleteUserOperationLogEntry);
        erased.count("processInstances", instances.size());
        erased.count("operationLogEntries", logEntries.size());
    }

    /** Ends the running instances of these contacts (business keys), without their listeners (no sends). */
    void endRunning(Collection<String> contactIds, String reason) {
        List<String> running = contactIds.stream()
                .flatMap(key -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list().stream())
                .map(ProcessInstance::getId).toList();
        if (!running.isEmpty()) {
            runtime.deleteProcessInstances(running, reason, true, true);
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
}

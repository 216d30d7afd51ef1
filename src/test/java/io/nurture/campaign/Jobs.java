package io.nurture.campaign;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Drives a process instance through its jobs: async sends now, timers by moving Camunda's clock to their due date. */
final class Jobs {

    private Jobs() {
    }

    /** Runs the instance's earliest job (moving the clock forward to a timer's due date); false when none is left. */
    static boolean runNext(ProcessInstance instance) {
        Optional<Job> next = jobs(instance).stream()
                .min(Comparator.comparing(job -> job.getDuedate() == null ? new Date(0) : job.getDuedate()));
        if (next.isEmpty()) {
            return false;
        }
        Date due = next.get().getDuedate();
        if (due != null && due.after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(due);
        }
        managementService().executeJob(next.get().getId());
        return true;
    }

    /** Runs every job, timers included, until the instance waits for something else or has ended. */
    static void runAll(ProcessInstance instance) {
        while (runNext(instance)) {
            // next
        }
    }

    /** Runs jobs that are due without moving the clock (async continuations). */
    static void runDue(ProcessInstance instance) {
        while (true) {
            Optional<Job> due = jobs(instance).stream()
                    .filter(job -> job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime()))
                    .findFirst();
            if (due.isEmpty()) {
                return;
            }
            managementService().executeJob(due.get().getId());
        }
    }

    static List<Job> jobs(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).list();
    }
}

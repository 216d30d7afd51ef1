package io.nurture.simulation;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import io.nurture.contact.Contact;
import io.nurture.process.ProcessVariables;
import io.nurture.simulation.Persona.Act;
import io.nurture.simulation.SimulationResult.PersonaTimeline;
import io.nurture.simulation.SimulationResult.Summary;

/**
 * Drives one persona through one campaign on the simulated clock: always the earliest of the next due job and the
 * persona's next act, each run on this thread, until the instance ends, nothing more can happen, or the horizon.
 */
final class CampaignRun {

    /** Jobs and acts per persona; a diagram that loops for ever stops here rather than holding a server thread. */
    static final int MAX_STEPS = 2_000;

    private final ProcessEngine engine;
    private final ProcessDefinition definition;
    private final Diagram diagram;
    private final SimulationPlan plan;
    private final Run run;
    private final Map<String, JobDefinition> jobDefinitions = new HashMap<>();
    private final Set<String> seenJobs = new HashSet<>();
    private final Set<String> seenSubscriptions = new HashSet<>();
    private final long deadline;
    private String instanceId;

    /** {@code deadline}: the {@link System#nanoTime()} by which the whole simulation must be done. */
    CampaignRun(ProcessEngine engine, ProcessDefinition definition, Diagram diagram, SimulationPlan plan,
            Persona persona, ContactLife life, long deadline) {
        this.deadline = deadline;
        this.engine = engine;
        this.definition = definition;
        this.diagram = diagram;
        this.plan = plan;
        this.run = new Run(persona, plan.start(), "simulation-" + UUID.randomUUID(), life);
    }

    PersonaTimeline live() {
        run.enter();
        SimulatedClock.set(plan.start());
        try {
            drive();
            return new PersonaTimeline(run.persona.name(), summary(), List.copyOf(run.entries()));
        } finally {
            end();
            Run.leave();
            SimulatedClock.clear();
        }
    }

    private void drive() {
        Contact contact = run.contact();
        run.record("start", null, definition.getName(), "enters " + definition.getKey() + " v"
                + definition.getVersion() + " as " + contact.lifecycleStage().name() + ", fit " + contact.fitScore()
                + ", behaviour " + contact.behaviourScore());
        if (!attempt(null, this::start)) {
            return;
        }
        noteExits();
        int steps = 0;
        while (true) {
            if (!deliverMessages() || ended()) {
                break;
            }
            noteWaits();
            if (++steps > MAX_STEPS) {
                run.find("loop", null, "stopped after " + MAX_STEPS + " steps: the campaign may loop for ever");
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                run.find("time-out", null, "stopped: the simulation took longer than "
                        + Simulator.TIME_BUDGET.toSeconds() + " s");
                break;
            }
            Optional<Job> job = nextJob();
            Instant jobAt = job.map(this::dueOf).orElse(null);
            Optional<Run.Upcoming> act = run.nextAct().filter(next -> !next.at().isAfter(plan.horizon()));
            if (act.isPresent() && (jobAt == null || !act.get().at().isAfter(jobAt))) {
                advanceTo(act.get().at());
                run.actDone();
                if (!attempt(null, () -> perform(act.get().act()))) {
                    break;
                }
                continue;
            }
            if (jobAt == null || jobAt.isAfter(plan.horizon())) {
                break;
            }
            advanceTo(jobAt);
            if (!execute(job.get())) {
                break;
            }
        }
        finish();
    }

    private void start() {
        Contact contact = run.contact();
        Map<String, Object> variables = new HashMap<>(plan.variables());
        variables.put(ProcessVariables.CONTACT_ID, run.businessKey);
        variables.put(ProcessVariables.FIRST_NAME, contact.firstName() == null ? "" : contact.firstName());
        variables.put(ProcessVariables.CONTACT_NAME, contact.fullName());
        variables.put(ProcessVariables.CONTACT_LABEL, contact.label());
        variables.put(ProcessVariables.COMPANY, contact.company() == null ? "" : contact.company());
        RuntimeService runtime = engine.getRuntimeService();
        instanceId = runtime.createProcessInstanceById(definition.getId()).businessKey(run.businessKey)
                .setVariables(variables).execute().getId();
    }

    private void perform(Act act) {
        if (act.complete() != null) {
            List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
                    .taskDefinitionKey(act.complete()).list();
            if (tasks.isEmpty()) {
                run.record("behaviour", act.complete(), name(act.complete()), "no open task to complete");
                return;
            }
            run.record("behaviour", act.complete(), name(act.complete()), "completes the task"
                    + (act.variables().isEmpty() ? "" : " with " + new TreeMap<>(act.variables())));
            engine.getTaskService().complete(tasks.get(0).getId(), act.variables());
            return;
        }
        run.life.event(run, act.event(), act.properties(), act.email());
    }

    /** Messages a change asked for, each once the change is done, as Nurture correlates them after its commit. */
    private boolean deliverMessages() {
        Optional<String> message;
        while ((message = run.nextMessageAfterStep()).isPresent()) {
            String name = message.get();
            if (ended()) {
                continue;
            }
            boolean delivered = attempt(null, () -> {
                int moved = engine.getRuntimeService().createMessageCorrelation(name).processInstanceId(instanceId)
                        .correlateAllWithResult().size();
                if (moved > 0) {
                    run.record("message", null, null, name + " reaches the campaign");
                }
            });
            if (!delivered) {
                return false;
            }
        }
        return true;
    }

    private boolean execute(Job job) {
        ManagementService management = engine.getManagementService();
        int retries = job.getRetries();
        try {
            management.executeJob(job.getId());
            return true;
        } catch (RuntimeException e) {
            Optional<SimulatedSteps.HeldBack> heldBack = heldBack(e);
            if (heldBack.isPresent()) {
                management.setJobRetries(job.getId(), retries);
                management.setJobDuedate(job.getId(), java.util.Date.from(heldBack.get().until));
                return true;
            }
            Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
            incident(failed != null && failed.getFailedActivityId() != null ? failed.getFailedActivityId()
                    : activityOf(job), e);
            return false;
        }
    }

    private boolean attempt(String step, Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            incident(step, e);
            return false;
        }
    }

    private void incident(String step, RuntimeException e) {
        String message = rootMessage(e);
        run.record("incident", step, step == null ? null : name(step), message);
        run.find("incident", step, (step == null ? "the campaign" : "'" + name(step) + "'")
                + " would fail and wait for an operator in Cockpit: " + message);
    }

    private void noteExits() {
        if (ended()) {
            return;
        }
        List<String> exits = subscriptions().stream().filter(this::isEventSubprocessStart)
                .peek(subscription -> seenSubscriptions.add(subscription.getId()))
                .map(subscription -> subscription.getEventName() + " → " + name(subscription.getActivityId()))
                .sorted().toList();
        if (!exits.isEmpty()) {
            run.record("listen", null, null, "leaves on " + String.join("; ", exits));
        }
    }

    private boolean isEventSubprocessStart(EventSubscription subscription) {
        return diagram.exitStarts().contains(subscription.getActivityId());
    }

    /** New timers and new message waits, as the contact would see the campaign pause. */
    private void noteWaits() {
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instanceId).timers().list()) {
            if (seenJobs.add(job.getId())) {
                String activity = activityOf(job);
                run.record(TimelineEntry.of(run.start, SimulatedClock.now(), "wait", activity, name(activity), null)
                        .until(job.getDuedate().toInstant()));
            }
        }
        for (EventSubscription subscription : subscriptions()) {
            if (seenSubscriptions.add(subscription.getId()) && "message".equals(subscription.getEventType())) {
                run.record("listen", subscription.getActivityId(), name(subscription.getActivityId()),
                        "waits for " + subscription.getEventName());
            }
        }
    }

    private List<EventSubscription> subscriptions() {
        return engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(instanceId).list();
    }

    private Optional<Job> nextJob() {
        return engine.getManagementService().createJobQuery().processInstanceId(instanceId).withRetriesLeft()
                .active().list().stream().min((a, b) -> dueOf(a).compareTo(dueOf(b)));
    }

    /** A job without a due date (an async step) is due now. */
    private Instant dueOf(Job job) {
        Instant now = SimulatedClock.now();
        return job.getDuedate() == null || job.getDuedate().toInstant().isBefore(now) ? now
                : job.getDuedate().toInstant();
    }

    private void advanceTo(Instant at) {
        if (at.isAfter(SimulatedClock.now())) {
            SimulatedClock.set(at);
        }
    }

    private boolean ended() {
        return instanceId == null || engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(instanceId).count() == 0;
    }

    /** The last end event reached is the exit; a contact still inside at the horizon is a finding. */
    private void finish() {
        List<TimelineEntry> entries = run.entries();
        if (instanceId != null && ended()) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                TimelineEntry entry = entries.get(i);
                if (entry.kind().equals("end")) {
                    entries.set(i, new TimelineEntry(entry.at(), entry.day(), "exit", entry.step(),
                            entry.stepName(), null, null, null, null, "leaves the campaign"));
                    return;
                }
            }
            return;
        }
        if (instanceId == null || hasIncident()) {
            return;
        }
        SimulatedClock.set(plan.horizon().isAfter(SimulatedClock.now()) ? plan.horizon() : SimulatedClock.now());
        List<String> waitingAt = engine.getRuntimeService().getActiveActivityIds(instanceId).stream()
                .map(this::name).toList();
        run.record("horizon", null, null, "still in the campaign after " + plan.days() + " days, at "
                + String.join(", ", waitingAt));
        run.find("no-exit", null, "still in the campaign after " + plan.days() + " days, waiting at "
                + String.join(", ", waitingAt));
    }

    private boolean hasIncident() {
        return run.findings().stream().anyMatch(finding -> finding.kind().equals("incident"));
    }

    private void end() {
        if (instanceId != null && !ended()) {
            engine.getRuntimeService().deleteProcessInstance(instanceId, "simulation over", true, true, true);
        }
    }

    private Summary summary() {
        Map<String, Integer> sends = new TreeMap<>();
        run.sentMessages().forEach(sent -> sends.merge(sent.channel(), 1, Integer::sum));
        TimelineEntry exit = run.entries().stream().filter(entry -> entry.kind().equals("exit")).findFirst()
                .orElse(null);
        return new Summary(sends, count("skip"), count("delay"), exit == null ? null : exit.stepName(),
                exit == null ? null : exit.day(), run.contact().score(), run.contact().lifecycleStage().name(),
                run.findings().size());
    }

    private int count(String kind) {
        return (int) run.entries().stream().filter(entry -> entry.kind().equals(kind)).count();
    }

    List<Finding> findings() {
        return run.findings();
    }

    private String activityOf(Job job) {
        JobDefinition jobDefinition = jobDefinitions.computeIfAbsent(job.getJobDefinitionId(), id -> engine
                .getManagementService().createJobDefinitionQuery().jobDefinitionId(id).singleResult());
        return jobDefinition == null ? null : jobDefinition.getActivityId();
    }

    private String name(String activityId) {
        return activityId == null ? null : diagram.nameOf(activityId);
    }

    private static Optional<SimulatedSteps.HeldBack> heldBack(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SimulatedSteps.HeldBack heldBack) {
                return Optional.of(heldBack);
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }
}

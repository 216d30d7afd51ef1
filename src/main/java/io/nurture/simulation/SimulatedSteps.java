package io.nurture.simulation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.nurture.channel.SendPolicy;
import io.nurture.channel.SendPreviews;
import io.nurture.channel.SendRequest;
import io.nurture.channel.SendSteps;
import io.nurture.contact.Contact;
import io.nurture.process.ProcessVariables;

/**
 * The beans Nurture's diagrams name ({@code ${sendEmail}}, {@code ${updateScore}}…) as the simulator runs them: a
 * send asks the real send policy and renders through the real channel but only writes the timeline; score, stage and
 * "read contact" work on the simulated contact. Steps whose effect lies outside the contact (a daily scan, an SDR
 * reminder) are named on the timeline as not followed.
 */
final class SimulatedSteps {

    private final SendSteps sendSteps;
    private final SendPreviews previews;
    private final Supplier<ContactLife> life = () -> Run.current().life;

    SimulatedSteps(SendSteps sendSteps, SendPreviews previews) {
        this.sendSteps = sendSteps;
        this.previews = previews;
    }

    Map<Object, Object> beans() {
        Map<Object, Object> beans = new HashMap<>();
        beans.put("sendEmail", send("email"));
        beans.put("sendSms", send("sms"));
        beans.put("sendInApp", send("inapp"));
        beans.put("sendWebhook", send("webhook"));
        beans.put("updateScore", (JavaDelegate) this::updateScore);
        beans.put("setLifecycleStage", (JavaDelegate) this::setLifecycleStage);
        beans.put("readContact", (JavaDelegate) this::readContact);
        beans.put("splitTest", (JavaDelegate) this::splitTest);
        beans.put("disqualifyContact", (JavaDelegate) execution -> life.get().disqualify(Run.current(),
                (String) execution.getVariableLocal(ProcessVariables.REASON)));
        beans.put("enrolInCampaign", (JavaDelegate) execution -> step(execution, "would start campaign '"
                + execution.getVariableLocal(ProcessVariables.CAMPAIGN) + "' (not simulated here)"));
        beans.put("startReEngagement", notFollowed("starts re-engagement for dormant contacts"));
        for (String bean : new String[] { "recycleContact", "sunsetContact", "fireDateTriggers", "decayScores",
                "escalateTask", "remindTaskOwners", "returnTaskToPool" }) {
            beans.put(bean, notFollowed("'" + bean + "' acts outside this contact's timeline"));
        }
        for (String listener : new String[] { "endSplit", "recordTaskActor", "requireRoutableDecision" }) {
            beans.put(listener, new Unfollowed(null));
        }
        return beans;
    }

    private JavaDelegate send(String channel) {
        return execution -> {
            Run run = Run.current();
            SendRequest request = switch (channel) {
                case "email" -> sendSteps.request(execution, channel,
                        (String) execution.getVariableLocal(ProcessVariables.TEMPLATE), ProcessVariables.SUBJECT);
                case "sms" -> sendSteps.request(execution, channel, execution.getCurrentActivityId(),
                        ProcessVariables.TEXT);
                case "inapp" -> sendSteps.request(execution, channel, execution.getCurrentActivityId(),
                        ProcessVariables.TITLE, ProcessVariables.BODY, ProcessVariables.LINK);
                default -> sendSteps.request(execution, channel,
                        (String) execution.getVariableLocal(ProcessVariables.ENDPOINT), ProcessVariables.ENDPOINT,
                        ProcessVariables.EVENT);
            };
            if (run.alreadySent(request.idempotencyKey())) {
                return;
            }
            SendPreviews.Preview preview = previews.preview(run.contact(), request, SimulatedClock.now(),
                    run.history());
            String step = execution.getCurrentActivityId();
            String name = execution.getCurrentActivityName();
            TimelineEntry entry = TimelineEntry.of(run.start, SimulatedClock.now(), "send", step, name, null)
                    .message(channel, preview.rendered().subject(), preview.rendered().text());
            if (preview.decision() instanceof SendPolicy.Skip skip) {
                run.record(new TimelineEntry(entry.at(), entry.day(), "skip", step, name, channel,
                        entry.subject(), null, null, "not sent: " + skip.reason()));
                return;
            }
            if (preview.decision() instanceof SendPolicy.Delay delay) {
                run.record(new TimelineEntry(entry.at(), entry.day(), "delay", step, name, channel,
                        entry.subject(), null, delay.until(), "held back: " + delay.reason()));
                if (delay.reason().startsWith("frequency cap")) {
                    run.find("frequency-cap", step, "'" + (name == null ? step : name) + "' would exceed the "
                            + delay.reason() + " and wait until " + delay.until());
                }
                throw new HeldBack(delay.until());
            }
            int emailNumber = run.sent(request.idempotencyKey(), channel, !request.transactional(), step);
            run.record(emailNumber > 0 ? new TimelineEntry(entry.at(), entry.day(), "send", step, name, channel,
                    entry.subject(), entry.text(), null, "e-mail " + emailNumber) : entry);
            if (emailNumber > 0) {
                reactions(run, emailNumber);
            }
        };
    }

    /** The persona's engagement turns a received e-mail into an open and a click, {@code after} it arrived. */
    private static void reactions(Run run, int emailNumber) {
        Persona.Engagement engagement = run.persona.engagement();
        var at = SimulatedClock.now().plus(engagement.after());
        if (engagement.opens(emailNumber)) {
            run.schedule(at, new Persona.Act(0, "email_opened", emailNumber, Map.of(), null, Map.of()));
        }
        if (engagement.clicks(emailNumber)) {
            run.schedule(at.plusSeconds(60), new Persona.Act(0, "email_clicked", emailNumber, Map.of(), null,
                    Map.of()));
        }
    }

    private void updateScore(DelegateExecution execution) {
        Object points = execution.getVariableLocal(ProcessVariables.POINTS);
        Object reason = execution.getVariableLocal(ProcessVariables.REASON);
        String name = execution.getCurrentActivityName();
        life.get().addPoints(Run.current(), Integer.parseInt(String.valueOf(points).trim()),
                (name == null ? execution.getCurrentActivityId() : name) + (reason == null ? "" : ": " + reason));
    }

    private void setLifecycleStage(DelegateExecution execution) {
        ContactLife contactLife = life.get();
        Object stage = execution.getVariableLocal(ProcessVariables.STAGE);
        Object reason = execution.getVariableLocal(ProcessVariables.REASON);
        contactLife.moveTo(Run.current(), contactLife.funnel().parse(String.valueOf(stage)),
                reason == null ? String.valueOf(execution.getCurrentActivityName()) : reason.toString());
    }

    private void readContact(DelegateExecution execution) {
        Contact contact = Run.current().contact();
        execution.setVariable(ProcessVariables.FIT_SCORE, contact.fitScore());
        execution.setVariable(ProcessVariables.BEHAVIOUR_SCORE, contact.behaviourScore());
        execution.setVariable(ProcessVariables.SCORE, contact.score());
        execution.setVariable(ProcessVariables.LIFECYCLE_STAGE, contact.lifecycleStage().name());
        execution.setVariable(ProcessVariables.INDUSTRY, contact.industry() == null ? "" : contact.industry());
        execution.setVariable(ProcessVariables.HAS_PHONE, contact.phone() != null);
        step(execution, "fit " + contact.fitScore() + ", behaviour " + contact.behaviourScore() + ", stage "
                + contact.lifecycleStage().name());
    }

    /** The persona's variant when it names one, else the first: the simulator shows a branch, not a draw. */
    private void splitTest(DelegateExecution execution) {
        Run run = Run.current();
        String variants = String.valueOf(execution.getVariableLocal(ProcessVariables.VARIANTS));
        String first = variants.split(",")[0].split(":")[0].trim();
        String variant = run.persona.variant() != null ? run.persona.variant() : first;
        execution.setVariable(ProcessVariables.VARIANT, variant);
        run.record("decision", execution.getCurrentActivityId(), execution.getCurrentActivityName(),
                "A/B split " + variants + ": variant " + variant + (run.persona.variant() != null
                        ? " (the persona's)" : " (the first; a persona's variant picks another)"));
    }

    private static void step(DelegateExecution execution, String detail) {
        Run.current().record("step", execution.getCurrentActivityId(), execution.getCurrentActivityName(), detail);
    }

    private static Unfollowed notFollowed(String detail) {
        return new Unfollowed(detail);
    }

    /** A step or listener with no effect on the simulated contact; a step says so on the timeline. */
    private record Unfollowed(String detail) implements JavaDelegate, ExecutionListener, TaskListener {

        @Override
        public void execute(DelegateExecution execution) {
            if (detail != null) {
                step(execution, "not simulated: " + detail);
            }
        }

        @Override
        public void notify(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }
    }

    /** A send the policy holds back: the simulator moves the step's job to {@code until}, as Nurture's retry does. */
    static final class HeldBack extends RuntimeException {

        final java.time.Instant until;

        HeldBack(java.time.Instant until) {
            super("held back until " + until, null, false, false);
            this.until = until;
        }
    }
}

package io.nurture.simulation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

import io.nurture.channel.SendPolicy;
import io.nurture.channel.SuppressionReason;
import io.nurture.contact.Contact;
import io.nurture.contact.LifecycleStage;
import io.nurture.simulation.Persona.Act;

/**
 * One persona's simulated life in one campaign: the contact as it changes, what it received, what it will do next and
 * the timeline so far. Steps and listeners running in the simulator's engine find it on their thread.
 */
final class Run {

    private static final ThreadLocal<Run> CURRENT = new ThreadLocal<>();

    final Persona persona;
    final Instant start;
    final String businessKey;
    final ContactLife life;
    private Contact contact;
    private final List<TimelineEntry> entries = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final Set<String> sentKeys = new java.util.HashSet<>();
    private final Set<SuppressionReason> suppressions = EnumSet.noneOf(SuppressionReason.class);
    private final Deque<String> messagesAfterStep = new ArrayDeque<>();
    private final PriorityQueue<Upcoming> upcoming = new PriorityQueue<>(
            Comparator.comparing(Upcoming::at).thenComparingLong(Upcoming::order));
    private long order;
    private int pageViews;
    private String latestEmailStep;

    Run(Persona persona, Instant start, String businessKey, ContactLife life) {
        this.persona = persona;
        this.start = start;
        this.businessKey = businessKey;
        this.life = life;
        this.contact = persona.profile();
        for (Act act : persona.script()) {
            schedule(start.plusMillis(Math.round(act.day() * 86_400_000)), act);
        }
    }

    static Run current() {
        Run run = CURRENT.get();
        if (run == null) {
            throw new IllegalStateException("no simulation runs on this thread");
        }
        return run;
    }

    static Optional<Run> ifRunning() {
        return Optional.ofNullable(CURRENT.get());
    }

    void enter() {
        CURRENT.set(this);
    }

    static void leave() {
        CURRENT.remove();
    }

    Contact contact() {
        return contact;
    }

    void contact(Contact changed) {
        contact = changed;
    }

    void record(String kind, String step, String stepName, String detail) {
        entries.add(TimelineEntry.of(start, SimulatedClock.now(), kind, step, stepName, detail));
    }

    void record(TimelineEntry entry) {
        entries.add(entry);
    }

    List<TimelineEntry> entries() {
        return entries;
    }

    void find(String kind, String step, String message) {
        Instant now = SimulatedClock.now();
        findings.add(new Finding(kind, persona.name(), now, TimelineEntry.dayOf(start, now), step, message));
    }

    List<Finding> findings() {
        return findings;
    }

    /**
     * Whether the send with this idempotency key already went out: a step the engine rolled back and runs again
     * (its job was held back, or another step of its transaction failed) sends only what it has not, as Nurture's
     * delivery log makes it.
     */
    boolean alreadySent(String idempotencyKey) {
        return sentKeys.contains(idempotencyKey);
    }

    /** A message the contact got; e-mails are numbered in the order received, as the script counts them. */
    int sent(String idempotencyKey, String channel, boolean marketing, String step) {
        sentKeys.add(idempotencyKey);
        sent.add(new Sent(SimulatedClock.now(), channel, marketing, step));
        if (!"email".equals(channel)) {
            return 0;
        }
        latestEmailStep = step;
        return (int) sent.stream().filter(message -> message.channel().equals("email")).count();
    }

    List<Sent> sentMessages() {
        return sent;
    }

    Optional<Sent> email(int number) {
        return sent.stream().filter(message -> message.channel().equals("email")).skip(number - 1L).findFirst();
    }

    String latestEmailStep() {
        return latestEmailStep;
    }

    void suppress(SuppressionReason reason) {
        suppressions.add(reason);
    }

    int pageViewsBefore() {
        return pageViews;
    }

    void viewedPage() {
        pageViews++;
    }

    /** A message to correlate once the step running now has finished, as Nurture does after a step's commit. */
    void afterStep(String message) {
        messagesAfterStep.add(message);
    }

    Optional<String> nextMessageAfterStep() {
        return Optional.ofNullable(messagesAfterStep.poll());
    }

    void schedule(Instant at, Act act) {
        upcoming.add(new Upcoming(at, order++, act));
    }

    Optional<Upcoming> nextAct() {
        return Optional.ofNullable(upcoming.peek());
    }

    void actDone() {
        upcoming.poll();
    }

    SendPolicy.ContactHistory history() {
        return new SendPolicy.ContactHistory() {
            @Override
            public Set<SuppressionReason> suppressionReasons() {
                return Set.copyOf(suppressions);
            }

            @Override
            public List<Instant> marketingSendsSince(String channel, Instant since) {
                return sent.stream().filter(message -> message.marketing() && message.channel().equals(channel)
                        && message.at().isAfter(since)).map(Sent::at).toList();
            }

            @Override
            public Optional<ZoneId> timeZone() {
                return Optional.ofNullable(persona.timeZone()).map(ZoneId::of);
            }
        };
    }

    LifecycleStage stage() {
        return contact.lifecycleStage();
    }

    record Sent(Instant at, String channel, boolean marketing, String step) {
    }

    record Upcoming(Instant at, long order, Act act) {
    }
}

package io.nurture.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.nurture.contact.LifecycleStage;

/**
 * Contacts with known journeys through the lifecycle, written straight into the tables the reports read. The
 * journeys stay in memory so a test can work out the true answers on its own.
 */
class ReportDataSet {

    static final String[] SOURCES = { "whitepaper", "webinar", "newsletter", null };

    record Move(LifecycleStage from, LifecycleStage to, int entry, Instant at) {
    }

    record Journey(String contactId, List<Move> moves, int behaviour, int fit, String source) {

        LifecycleStage current() {
            return moves.get(moves.size() - 1).to();
        }
    }

    final List<Journey> journeys = new ArrayList<>();
    private final JdbcClient jdbc;

    ReportDataSet(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A contact whose stages are given as (stage, instant) pairs in order. */
    Journey journey(String name, int behaviour, int fit, String source, Object... stagesAndTimes) {
        List<Move> moves = new ArrayList<>();
        Map<LifecycleStage, Integer> entries = new HashMap<>();
        LifecycleStage from = null;
        for (int i = 0; i < stagesAndTimes.length; i += 2) {
            LifecycleStage to = (LifecycleStage) stagesAndTimes[i];
            int entry = entries.merge(to, 1, Integer::sum);
            moves.add(new Move(from, to, entry, Instant.parse((String) stagesAndTimes[i + 1])));
            from = to;
        }
        Journey journey = new Journey(name + "-" + UUID.randomUUID().toString().substring(0, 8), moves, behaviour, fit,
                source);
        store(journey);
        journeys.add(journey);
        return journey;
    }

    /** Random journeys between {@code start} and about three months later: mostly forward, some back, some skips. */
    void randomJourneys(int count, Instant start, long seed) {
        randomJourneys(count, start, Instant.MAX, seed);
    }

    /** The same, with no move after {@code until}. */
    void randomJourneys(int count, Instant start, Instant until, long seed) {
        Random random = new Random(seed);
        List<LifecycleStage> stages = DefaultStages.ORDER;
        for (int c = 0; c < count; c++) {
            List<Object> path = new ArrayList<>();
            Instant at = start.plus(random.nextInt(60 * 24 * 30), ChronoUnit.MINUTES);
            LifecycleStage stage = random.nextInt(3) == 0 ? LifecycleStage.VISITOR : LifecycleStage.LEAD;
            path.add(stage);
            path.add(at.toString());
            int moves = random.nextInt(7);
            for (int m = 0; m < moves; m++) {
                LifecycleStage next;
                if (random.nextInt(10) < 7 && DefaultStages.rank(stage) < stages.size() - 1) {
                    int skip = random.nextInt(5) == 0 ? 2 : 1;
                    next = stages.get(Math.min(stages.size() - 1, DefaultStages.rank(stage) + skip));
                } else if (DefaultStages.rank(stage) > 1) {
                    next = stages.get(1 + random.nextInt(DefaultStages.rank(stage) - 1));
                } else {
                    continue;
                }
                at = at.plus(60 + random.nextInt(60 * 24 * 20), ChronoUnit.MINUTES);
                if (at.isAfter(until)) {
                    break;
                }
                path.add(next);
                path.add(at.toString());
                stage = next;
            }
            journey("random" + c, random.nextInt(120), random.nextInt(50), SOURCES[random.nextInt(SOURCES.length)],
                    path.toArray());
        }
    }

    private void store(Journey journey) {
        Timestamp created = Timestamp.from(journey.moves().get(0).at());
        jdbc.sql("""
                INSERT INTO contact (id, email, first_name, last_name, company, source, lifecycle_stage,
                                     behaviour_score, fit_score, created_at, updated_at)
                VALUES (?, ?, ?, 'Tester', 'Report Co', ?, ?, ?, ?, ?, ?)""")
                .params(journey.contactId(), journey.contactId() + "@example.com", journey.contactId(),
                        journey.source(), journey.current().name(), journey.behaviour(), journey.fit(), created,
                        created)
                .update();
        for (Move move : journey.moves()) {
            jdbc.sql("""
                    INSERT INTO stage_transition (contact_id, from_stage, to_stage, entry, reason, actor, at)
                    VALUES (?, ?, ?, ?, 'seeded', 'test', ?)""")
                    .params(journey.contactId(), move.from() == null ? null : move.from().name(), move.to().name(),
                            move.entry(), Timestamp.from(move.at()))
                    .update();
        }
    }

    String delivery(String contactId, String campaign, String step, String variant, String status, String sentAt) {
        return delivery(null, contactId, campaign, step, variant, status, sentAt);
    }

    /** A send of a process instance's step, keyed as the channel keys it: instance id, then activity id. */
    String delivery(String instanceId, String contactId, String campaign, String step, String variant, String status,
            String sentAt) {
        String id = UUID.randomUUID().toString();
        String key = instanceId == null ? id : instanceId + ":" + step;
        Timestamp sent = sentAt == null ? null : Timestamp.from(Instant.parse(sentAt));
        jdbc.sql("""
                INSERT INTO delivery (id, idempotency_key, contact_id, channel, template, recipient, status, attempts,
                                      created_at, sent_at, campaign, step, variant)
                VALUES (?, ?, ?, 'email', 'tpl', 'x@example.com', ?, 1, ?, ?, ?, ?, ?)""")
                .params(id, key, contactId, status, sent == null ? Timestamp.from(Instant.parse("2020-03-01T00:00:00Z"))
                        : sent, sent, campaign, step, variant)
                .update();
        return id;
    }

    /** The A/B split branch an instance took, as the campaign's split step records it. */
    void assignment(String instanceId, String splitId, String contactId, String campaign, String variant, String at) {
        jdbc.sql("""
                INSERT INTO ab_assignment (process_instance_id, split_id, contact_id, campaign, variant, assigned_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(instanceId, splitId, contactId, campaign, variant, Timestamp.from(Instant.parse(at)))
                .update();
    }

    void tracking(String contactId, String deliveryId, String type, String properties, String at) {
        jdbc.sql("""
                INSERT INTO contact_event (id, contact_id, type, occurred_at, received_at, points, properties,
                                           delivery_id)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(UUID.randomUUID().toString(), contactId, type, Timestamp.from(Instant.parse(at)),
                        Timestamp.from(Instant.parse(at)), properties, deliveryId)
                .update();
    }

    void score(String contactId, String component, int delta, int after, String reason, String at) {
        jdbc.sql("""
                INSERT INTO score_history (contact_id, component, delta, score_after, reason, at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(contactId, component, delta, after, reason, Timestamp.from(Instant.parse(at)))
                .update();
    }
}

package io.nurture.bench;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import io.nurture.OnPostgres;

/**
 * {@link IngestionScenarios} on PostgreSQL twice: with 10k seeded contacts and 100k events, then with 1M contacts and
 * 10M events, and each rate at the large size beside its rate at the small one. The seed is Nurture's own tables
 * (contacts with a user id and an anonymous id each, ten events each, a stage entry each), written by SQL and analysed
 * as autovacuum would; the engine's tables hold only what the scenarios run. The small size is measured after one
 * unprinted run of every scenario. Sizes:
 * {@code -Dbench.growth.from=10000 -Dbench.growth.to=1000000}.
 */
@Tag("benchmark")
@OnPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nurture.inbox.smtp-port=0", "nurture.demo.enabled=false", IngestionScenarios.PROPERTIES })
class IngestionGrowthPostgresBenchmark extends IngestionScenarios {

    private static final int SMALL = Integer.getInteger("bench.growth.from", 10_000);
    private static final int LARGE = Integer.getInteger("bench.growth.to", 1_000_000);
    private static final int EVENTS_PER_CONTACT = 10;
    private static final int CONTACTS_PER_STATEMENT = 50_000;

    @Override
    @Test
    void ingestion() throws Exception {
        prepare();
        seed(0, SMALL);
        measured(); // the JIT's warm-up: a first run is slower than every later one, which would flatter the large seed
        List<Row> small = measured();
        print("Nurture ingestion benchmark at " + SMALL + " seeded contacts", small);
        seed(SMALL, LARGE);
        List<Row> large = measured();
        print("Nurture ingestion benchmark at " + LARGE + " seeded contacts", large);

        System.out.println();
        System.out.printf(Locale.ROOT, "%-50s %12s %12s %8s%n", "scenario", "rate " + SMALL, "rate " + LARGE,
                "large/small");
        for (int i = 0; i < small.size(); i++) {
            System.out.printf(Locale.ROOT, "%-50s %12.0f %12.0f %7.2fx%n", small.get(i).name(),
                    small.get(i).perSecond(), large.get(i).perSecond(),
                    large.get(i).perSecond() / small.get(i).perSecond());
        }
        System.out.println("large/small: the rate with the large seed over the rate with the small one; 1.00x is flat");
    }

    /** Contacts {@code from} (included) to {@code to} (excluded), each with its ids, events and stage entry. */
    private void seed(int from, int to) {
        long start = System.nanoTime();
        for (int first = from; first < to; first += CONTACTS_PER_STATEMENT) {
            int last = Math.min(to, first + CONTACTS_PER_STATEMENT);
            jdbc.sql("""
                    INSERT INTO contact (id, email, first_name, company, country, company_size, source,
                        consent_email, lifecycle_stage, behaviour_score, fit_score, created_at, updated_at,
                        last_engaged_at)
                    SELECT md5('seed-' || n)::uuid::text, 'seed-' || n || '@example.com', 'Seed', 'Company ' || (n % 5000),
                        'DE', 10 + n % 990, 'organic', true, CASE WHEN n % 10 = 0 THEN 'MQL' ELSE 'LEAD' END,
                        n % 50, n % 20, now() - (n % 365) * interval '1 day', now(), now() - (n % 90) * interval '1 day'
                    FROM generate_series(:first, :last - 1) AS n""").param("first", first).param("last", last)
                    .update();
            jdbc.sql("""
                    INSERT INTO contact_user_id (user_id, contact_id)
                    SELECT 'seed-user-' || n, md5('seed-' || n)::uuid::text FROM generate_series(:first, :last - 1) n""")
                    .param("first", first).param("last", last).update();
            jdbc.sql("""
                    INSERT INTO contact_anonymous_id (anonymous_id, contact_id)
                    SELECT 'seed-anon-' || n, md5('seed-' || n)::uuid::text FROM generate_series(:first, :last - 1) n""")
                    .param("first", first).param("last", last).update();
            jdbc.sql("""
                    INSERT INTO stage_transition (contact_id, from_stage, to_stage, entry, reason, actor, at)
                    SELECT md5('seed-' || n)::uuid::text, NULL, 'LEAD', 1, 'seed', 'seed',
                        now() - (n % 365) * interval '1 day'
                    FROM generate_series(:first, :last - 1) n""").param("first", first).param("last", last).update();
            jdbc.sql("""
                    INSERT INTO contact_event (id, event_id, contact_id, type, occurred_at, received_at, points,
                        properties)
                    SELECT md5('seed-event-' || e)::uuid::text, 'segment:seed:' || e,
                        md5('seed-' || (e / :per))::uuid::text,
                        (ARRAY['page_view', 'page_view', 'email_opened', 'page_view', 'email_clicked',
                               'content_downloaded', 'page_view', 'webinar_registered', 'page_view',
                               'email_opened'])[e % 10 + 1],
                        now() - (e % 8760) * interval '1 hour', now() - (e % 8760) * interval '1 hour', 1,
                        '{"page": "/blog/' || (e % 300) || '"}'
                    FROM generate_series(:first * :per, :last * :per - 1) e""").param("per", EVENTS_PER_CONTACT)
                    .param("first", first).param("last", last).update();
        }
        jdbc.sql("VACUUM ANALYZE").update();
        System.out.printf(Locale.ROOT, "%nseeded contacts %d to %d with %d events each in %.0f s%n", from, to,
                EVENTS_PER_CONTACT, (System.nanoTime() - start) / 1e9);
    }

    @Override
    String footnote() {
        return jdbc.sql("""
                SELECT pg_size_pretty(pg_database_size(current_database())) || ', ' || (SELECT COUNT(*) FROM contact)
                    || ' contacts, ' || (SELECT COUNT(*) FROM contact_event) || ' events'""")
                .query(String.class).single();
    }
}

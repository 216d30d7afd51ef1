package io.nurture.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.nurture.contact.ContactsMerged;
import io.nurture.lifecycle.Funnel;
import io.nurture.lifecycle.MoveFacts;
import io.nurture.lifecycle.StageRole;

/**
 * Works out the report facts from the ledger and the tracking events: each move's next move and the contact's
 * previous entry into the same stage, and each send's first reactions and the contact's first entry into the
 * qualified stage (MQL) after it. As things happen the facts are written one by one (the stage ledger writes a move's,
 * {@link DeliveryFacts} a send's reactions and conversion); this fills them in for rows that came another way: older
 * rows (migration V6_1), two contacts merged, or rows loaded straight into the tables.
 */
@Component
public class ReportFacts {

    private static final String SEND_FACTS = """
            UPDATE delivery d SET
              opened_at = (SELECT MIN(e.occurred_at) FROM contact_event e
                           WHERE e.delivery_id = d.id AND e.type IN ('email_opened', 'email_clicked')),
              clicked_at = (SELECT MIN(e.occurred_at) FROM contact_event e
                            WHERE e.delivery_id = d.id AND e.type = 'email_clicked'),
              unsubscribed_at = (SELECT MIN(e.occurred_at) FROM contact_event e
                                 WHERE e.delivery_id = d.id AND e.type = 'unsubscribed'),
              bounced_at = (SELECT MIN(e.occurred_at) FROM contact_event e
                            WHERE e.delivery_id = d.id AND e.type = 'email_bounced'),
              hard_bounced = EXISTS (SELECT 1 FROM contact_event e
                                     WHERE e.delivery_id = d.id AND e.type = 'email_bounced'
                                       AND e.properties LIKE '%"bounceType":"hard"%'),
              converted_at = (SELECT MIN(s.at) FROM stage_transition s
                              WHERE s.contact_id = d.contact_id AND s.to_stage = :qualified AND s.at >= d.sent_at)""";

    private final JdbcClient jdbc;
    private final MoveFacts moves;
    private final String qualifiedStage;

    public ReportFacts(JdbcClient jdbc, Funnel funnel) {
        this.jdbc = jdbc;
        this.moves = new MoveFacts(jdbc); // on this JdbcClient: migration V6_1 runs on Flyway's connection
        this.qualifiedStage = funnel.require(StageRole.QUALIFIED).name();
    }

    /** All facts from scratch, e.g. after loading rows into the tables by SQL. */
    public void fillAll() {
        moves.fillMoveFacts();
        jdbc.sql(SEND_FACTS).param("qualified", qualifiedStage).update();
    }

    /**
     * One contact's send facts (lifecycle's listener does the moves'): its deliveries and ledger were just combined
     * with another contact's. Before the merge commits, so every module has moved its rows by then.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ContactsMerged merged) {
        jdbc.sql(SEND_FACTS + " WHERE d.contact_id = :contact").param("qualified", qualifiedStage)
                .param("contact", merged.survivorId()).update();
    }
}

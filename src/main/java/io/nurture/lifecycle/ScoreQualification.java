package io.nurture.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactRepository;
import io.nurture.process.ConcurrentChanges;

/**
 * MQL by score: a contact who can still become an MQL and whose score now passes {@code mql-qualification.dmn},
 * having not passed it before the change. A recycled lead keeps its score, so it has to earn its next MQL.
 */
@Component
public class ScoreQualification {

    private static final Logger log = LoggerFactory.getLogger(ScoreQualification.class);
    private static final int ATTEMPTS = 8;

    private final MqlRules rules;
    private final Funnel funnel;
    private final LifecycleService lifecycle;
    private final ContactRepository contacts;
    private final TransactionTemplate ownTransaction;

    ScoreQualification(MqlRules rules, Funnel funnel, LifecycleService lifecycle, ContactRepository contacts,
            PlatformTransactionManager transactions) {
        this.rules = rules;
        this.funnel = funnel;
        this.lifecycle = lifecycle;
        this.contacts = contacts;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Known, not disqualified and still before the qualified stage. */
    public boolean canBecomeMql(Contact contact) {
        return contact.email() != null && !contact.disqualified()
                && funnel.isBefore(contact.lifecycleStage(), funnel.require(StageRole.QUALIFIED));
    }

    /**
     * The one definition of "crossed the MQL threshold": a contact that can still become an MQL passes the table
     * after a change and did not before it. {@code before} is null for a contact the change created, which has no
     * score to cross from.
     */
    public boolean crossedThreshold(Contact before, Contact after) {
        return canBecomeMql(after) && passes(after) && (before == null || !passes(before));
    }

    boolean passes(Contact contact) {
        return rules.qualifies(contact.score(), contact.fitScore());
    }

    /** Moves {@code locked} (read under its lock) to the qualified stage, naming the score that made it. */
    void qualify(Contact locked, String actor) {
        lifecycle.advance(locked, funnel.require(StageRole.QUALIFIED), "Score " + locked.score() + " (fit "
                + locked.fitScore() + ") reached the MQL threshold", actor);
    }

    /**
     * After a campaign step changed the score: the move to MQL ends the contact's campaigns, among them the instance
     * running this step, so it is made once the step's transaction has committed, in a transaction of its own.
     */
    public void qualifyOnceCommittedIfCrossed(String contactId, Contact before, String actor) {
        if (!crossedThreshold(before, contacts.getById(contactId))) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                qualifyWithRetries(contactId, actor);
            }
        });
    }

    private void qualifyWithRetries(String contactId, String actor) {
        try {
            ConcurrentChanges.retried(ownTransaction, ATTEMPTS, status -> {
                Contact now = contacts.lockById(contactId);
                if (canBecomeMql(now) && passes(now)) {
                    qualify(now, actor);
                }
            });
        } catch (RuntimeException failure) {
            log.error("Contact {} reached the MQL threshold in a campaign step but could not be moved to MQL; its"
                    + " next score change that crosses the threshold will", contactId, failure);
        }
    }
}

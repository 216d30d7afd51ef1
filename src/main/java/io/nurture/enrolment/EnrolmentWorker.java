package io.nurture.enrolment;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.nurture.campaign.CampaignEnrolment;

/**
 * Starts the pending members of the running enrolments, each tick at most its share of each enrolment's
 * {@code perMinute}. One member, one transaction: the member's row is claimed, the contact locked and the campaign
 * started together, so a crash leaves the member pending (never started twice, never skipped), and two nodes never
 * both start it.
 */
@Component
class EnrolmentWorker {

    private final EnrolmentStore store;
    private final CampaignEnrolment campaigns;
    private final TransactionTemplate transaction;
    private final Duration tick;

    EnrolmentWorker(EnrolmentStore store, CampaignEnrolment campaigns, PlatformTransactionManager transactions,
            @Value("${nurture.enrolments.tick:PT1S}") Duration tick) {
        this.store = store;
        this.campaigns = campaigns;
        this.transaction = new TransactionTemplate(transactions);
        this.tick = tick;
    }

    @Scheduled(fixedDelayString = "${nurture.enrolments.tick:PT1S}",
            initialDelayString = "${nurture.enrolments.tick:PT1S}")
    void startPending() {
        for (Enrolment enrolment : store.running()) {
            int share = (int) Math.max(1, enrolment.perMinute() * tick.toMillis() / 60_000);
            for (String contactId : store.pending(enrolment.id(), share)) {
                transaction.executeWithoutResult(status -> start(enrolment, contactId));
            }
            store.finishIfDone(enrolment.id(), Instant.now());
        }
    }

    private void start(Enrolment enrolment, String contactId) {
        if (!store.claim(enrolment.id(), contactId, EnrolmentStore.GONE, Instant.now())) {
            return;
        }
        CampaignEnrolment.Outcome outcome = campaigns.enrolIfPresent(enrolment.campaign(), contactId);
        store.setOutcome(enrolment.id(), contactId, switch (outcome) {
            case STARTED -> EnrolmentStore.STARTED;
            case ALREADY_IN -> EnrolmentStore.ALREADY_IN;
            case GONE -> EnrolmentStore.GONE;
        });
    }
}

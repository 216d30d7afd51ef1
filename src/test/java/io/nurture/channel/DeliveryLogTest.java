package io.nurture.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.TablesTest;
import io.nurture.channel.DeliveryLog.AlreadyDone;
import io.nurture.channel.DeliveryLog.Claim;
import io.nurture.channel.DeliveryLog.Claimed;
import io.nurture.channel.DeliveryLog.InFlight;
import io.nurture.contact.ContactRepository;
import io.nurture.contact.ContactProfile;
import io.nurture.contact.LifecycleStage;

/**
 * The claim behind exactly-once sends, on the {@code delivery} table. Each write of the log commits on its own, so
 * these tests run outside a test transaction, on contacts and keys of their own. {@code ChannelSendIT} proves the same
 * through real diagrams, providers and job retries.
 */
@TablesTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DeliveryLogTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);

    @Autowired
    DeliveryLog log;

    @Autowired
    ContactRepository contacts;

    SendRequest send;

    @BeforeEach
    void aSend() {
        String contactId = contacts.create("log-" + UUID.randomUUID() + "@example.com", LifecycleStage.of("LEAD"),
                ContactProfile.EMPTY).id();
        send = new SendRequest("instance-" + UUID.randomUUID() + ":Task_SendWelcomeEmail", contactId, "email",
                "welcome-1", null, "welcome", "Task_SendWelcomeEmail", "A", false);
    }

    @Test
    void theFirstAttemptClaimsTheSendAndASecondOneWaitsWhileTheClaimIsFresh() {
        Instant before = Instant.now();
        Claim first = log.claim(send, "ada@example.com", CLAIM_TIMEOUT);
        Claim second = log.claim(send, "ada@example.com", CLAIM_TIMEOUT);

        assertThat(first).isInstanceOf(Claimed.class);
        assertThat(((Claimed) first).messageId()).isEqualTo(DeliveryLog.messageIdFor(send.idempotencyKey()));
        assertThat(second).isInstanceOf(InFlight.class);
        assertThat(((InFlight) second).retryAt()).isAfterOrEqualTo(before.plus(CLAIM_TIMEOUT).minusSeconds(1));
        assertThat(log.status(send.idempotencyKey())).contains(DeliveryStatus.SENDING);
        assertThat(log.find(((Claimed) first).deliveryId())).hasValueSatisfying(delivery -> {
            assertThat(delivery.campaign()).isEqualTo("welcome");
            assertThat(delivery.step()).isEqualTo("Task_SendWelcomeEmail");
            assertThat(delivery.variant()).isEqualTo("A");
        });
    }

    @Test
    void aSentSendIsDoneForEveryLaterAttempt() {
        Claimed claimed = (Claimed) log.claim(send, "ada@example.com", CLAIM_TIMEOUT);
        log.sent(send.idempotencyKey(), claimed.messageId());

        assertThat(log.claim(send, "ada@example.com", Duration.ZERO)).isInstanceOf(AlreadyDone.class);
        assertThat(log.status(send.idempotencyKey())).contains(DeliveryStatus.SENT);
    }

    @Test
    void aStaleClaimIsTakenOverByTheNextAttemptOnTheSameRow() {
        Claimed crashed = (Claimed) log.claim(send, "ada@example.com", CLAIM_TIMEOUT);

        Claim retried = log.claim(send, "ada@example.com", Duration.ZERO);

        assertThat(retried).isInstanceOf(Claimed.class);
        assertThat(((Claimed) retried).deliveryId()).isEqualTo(crashed.deliveryId());
        assertThat(((Claimed) retried).messageId()).isEqualTo(crashed.messageId());
    }

    @Test
    void aSkippedSendIsDecidedAndADelayedOneIsNot() {
        log.skipped(send, "unsubscribed");
        assertThat(log.claim(send, "ada@example.com", CLAIM_TIMEOUT)).isInstanceOf(AlreadyDone.class);
        assertThat(log.status(send.idempotencyKey())).contains(DeliveryStatus.SKIPPED);

        SendRequest capped = new SendRequest(send.idempotencyKey() + ":1", send.contactId(), "email", "welcome-2",
                null, "welcome", "Task_SendTips", null, false);
        log.delayed(capped, Instant.now().plusSeconds(3600), "frequency cap");
        assertThat(log.status(capped.idempotencyKey())).contains(DeliveryStatus.DELAYED);
        assertThat(log.claim(capped, "ada@example.com", CLAIM_TIMEOUT)).isInstanceOf(Claimed.class);
    }

    @Test
    void onlyTheLatestMailOfAnInstanceIsTheOneAClickMayMoveOn() throws InterruptedException {
        String instance = "instance-" + UUID.randomUUID();
        SendRequest first = new SendRequest(instance + ":Task_SendBiz1", send.contactId(), "email", "biz-1", null,
                "drip", "Task_SendBiz1", null, false);
        SendRequest next = new SendRequest(instance + ":Task_SendBiz2", send.contactId(), "email", "biz-2", null,
                "drip", "Task_SendBiz2", null, false);
        String firstId = ((Claimed) log.claim(first, "ada@example.com", CLAIM_TIMEOUT)).deliveryId();
        assertThat(log.instanceWhoseLatestEmailIs(firstId)).contains(instance);

        Thread.sleep(5); // the next mail's row is created later
        String nextId = ((Claimed) log.claim(next, "ada@example.com", CLAIM_TIMEOUT)).deliveryId();

        assertThat(log.instanceWhoseLatestEmailIs(firstId)).isEmpty();
        assertThat(log.instanceWhoseLatestEmailIs(nextId)).contains(instance);
        assertThat(log.instanceWhoseLatestEmailIs(UUID.randomUUID().toString())).isEmpty();
    }
}

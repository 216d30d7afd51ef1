package io.nurture.suspension;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.nurture.TablesTest;
import io.nurture.process.CampaignHolds.HeldMessage;
import io.nurture.process.CampaignHolds.HeldStart;
import io.nurture.suspension.HeldRows.HeldMessageRow;

/** The held rows on the migrated schema: their order and variables, taken once; a contact's merge and erasure. */
@TablesTest
@Import(HeldRows.class)
class HeldRowsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    @Autowired
    HeldRows rows;

    @Test
    void heldMessagesComeBackInTheOrderHeldWithTheirVariablesAndAreTakenOnce() {
        rows.holdMessage(new HeldMessage("welcome", "instance-1", "contact-a", "ContactUnsubscribed", Map.of()), NOW);
        rows.holdMessage(new HeldMessage("welcome", "instance-2", "contact-b", "ContactQualified", Map.of()), NOW);
        rows.holdMessage(new HeldMessage("welcome", "instance-1", "contact-a", "EmailClicked",
                Map.of("score", 42, "source", "webinar", "consent", true)), NOW);

        assertThat(rows.instancesWithHeldMessages("welcome")).containsExactly("instance-1", "instance-2");
        assertThat(rows.heldMessagesOf("instance-1")).extracting(row -> row.message().message())
                .containsExactly("ContactUnsubscribed", "EmailClicked");
        HeldMessageRow clicked = rows.heldMessagesOf("instance-1").get(1);
        assertThat(clicked.message().variables()).isEqualTo(Map.of("score", 42, "source", "webinar", "consent", true));
        assertThat(rows.heldMessages("welcome")).isEqualTo(3);

        assertThat(rows.takeMessage(clicked.id())).isTrue();
        assertThat(rows.takeMessage(clicked.id())).as("a second resume finds it taken").isFalse();
        assertThat(rows.heldMessages("welcome")).isEqualTo(2);
    }

    @Test
    void aMergedContactsHeldRowsPassToTheSurvivorAndAnErasureDeletesEveryHeldRow() {
        rows.holdStart(new HeldStart("welcome", "merged", Map.of("firstName", "Ada"), null, null), NOW);
        rows.holdStart(new HeldStart("customer-advocacy", "merged", Map.of(), "Gateway_Score", null), NOW);
        rows.holdMessage(new HeldMessage("drip", "instance-m", "merged", "ContactQualified", Map.of()), NOW);

        rows.reassign("merged", "survivor");

        assertThat(rows.contactsWithHeldStarts("welcome")).containsExactly("survivor");
        assertThat(rows.heldStartsOf("customer-advocacy", "survivor").get(0).start())
                .isEqualTo(new HeldStart("customer-advocacy", "survivor", Map.of(), "Gateway_Score", null));
        assertThat(rows.heldMessagesOf("instance-m").get(0).message().contactId()).isEqualTo("survivor");

        rows.holdMessage(new HeldMessage("welcome", "instance-s", "survivor", "ContactUnsubscribed", Map.of()), NOW);
        assertThat(rows.deleteOf("survivor")).isEqualTo(4);
        assertThat(rows.heldStarts("welcome") + rows.heldStarts("customer-advocacy") + rows.heldMessages("welcome")
                + rows.heldMessages("drip")).isZero();
    }

    @Test
    void aSuspensionRowKeepsWhoAndWhyAndTheResumeThatBegan() {
        rows.insert("drip", NOW, "marketer", "copy review");
        rows.markResuming("drip", NOW.plusSeconds(60), "demo");
        rows.markResuming("drip", NOW.plusSeconds(120), "demo");

        HeldRows.Suspension row = rows.lock("drip").orElseThrow();
        assertThat(row.suspendedBy()).isEqualTo("marketer");
        assertThat(row.reason()).isEqualTo("copy review");
        assertThat(row.resumingSince()).as("the first resume's").isEqualTo(NOW.plusSeconds(60));
        rows.delete("drip");
        assertThat(rows.find("drip")).isEmpty();
    }
}

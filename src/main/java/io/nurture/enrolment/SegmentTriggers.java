package io.nurture.enrolment;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.audience.SegmentEntered;
import io.nurture.audience.SegmentLeft;
import io.nurture.campaign.CampaignEnrolment;

/**
 * A contact entering or leaving a live segment, told to the diagrams in the transaction that moved it: a message
 * start event named {@code segment-entered:High-fit DE} starts that campaign for it (once while it runs), a catch or
 * boundary event named {@code segment-left:High-fit DE} moves or ends the contact's instance. Nothing is queried
 * when no deployed diagram names the message. An event made with the "Segment entered / left" element template is
 * given its message when it is deployed ({@code process/deployment/SegmentTrigger}).
 */
@Component
class SegmentTriggers {

    static final String ENTERED = "segment-entered:";
    static final String LEFT = "segment-left:";

    private final CampaignEnrolment campaigns;

    SegmentTriggers(CampaignEnrolment campaigns) {
        this.campaigns = campaigns;
    }

    @EventListener
    void on(SegmentEntered entered) {
        campaigns.announce(ENTERED + entered.segmentName(), entered.contactId());
    }

    @EventListener
    void on(SegmentLeft left) {
        campaigns.announce(LEFT + left.segmentName(), left.contactId());
    }
}

package io.nurture.campaign;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.nurture.channel.DeliveryLog;
import io.nurture.process.ContactProcesses;

/**
 * The messages every campaign diagram listens to, correlated to all of a contact's instances waiting for them.
 * Correlating to nobody is fine: a contact need not be in any campaign.
 */
@Component
public class CampaignMessages {

    public static final String QUALIFIED = "ContactQualified";
    public static final String UNSUBSCRIBED = "ContactUnsubscribed";
    public static final String HARD_BOUNCED = "EmailHardBounced";
    public static final String SUPPRESSED = "ContactSuppressed";
    public static final String CLICKED = "EmailClicked";
    public static final String ENGAGED = "ContactEngaged";
    public static final String PURCHASED = "Purchased";

    private final ContactProcesses processes;
    private final DeliveryLog deliveries;

    CampaignMessages(ContactProcesses processes, DeliveryLog deliveries) {
        this.processes = processes;
        this.deliveries = deliveries;
    }

    void send(String message, String contactId, Map<String, Object> variables) {
        processes.correlate(message, contactId, variables);
    }

    /**
     * A click moves only a gateway waiting behind the very mail it came from: a late click on an earlier mail must not
     * count for the step the campaign has moved on to. A click without its delivery counts for every waiting gateway.
     */
    void clicked(String contactId, Object deliveryId) {
        if (deliveryId == null) {
            send(CLICKED, contactId, Map.of());
            return;
        }
        deliveries.instanceWhoseLatestEmailIs(deliveryId.toString())
                .ifPresent(instanceId -> processes.correlateToInstance(CLICKED, instanceId));
    }

    /** Ends the contact's campaigns as suppressed, except the instance asking (it ends by its own path). */
    public void suppressed(String contactId, String exceptInstanceId) {
        processes.correlateToAllBut(SUPPRESSED, contactId, exceptInstanceId);
    }
}

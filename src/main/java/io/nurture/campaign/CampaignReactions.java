package io.nurture.campaign;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.channel.ContactTimeZones;
import io.nurture.channel.SuppressionReason;
import io.nurture.channel.Suppressions;
import io.nurture.event.ContactEventRecorded;

/**
 * How campaigns react to a contact's events, inside the ingesting transaction: clicks and opens move the waiting
 * gateways, unsubscribes, hard bounces and complaints end the campaigns, a cart_abandoned starts the cart reminders
 * and a purchase stops them. Also keeps the contact's time zone and dates when an event carries them.
 */
@Component
class CampaignReactions {

    static final String CART_PROCESS_KEY = "cart-abandonment";

    private final CampaignMessages messages;
    private final CampaignEnrolment enrolment;
    private final Suppressions suppressions;
    private final ContactTimeZones timeZones;
    private final ContactDates dates;
    private final CartProperties cart;

    CampaignReactions(CampaignMessages messages, CampaignEnrolment enrolment, Suppressions suppressions,
            ContactTimeZones timeZones, ContactDates dates, CartProperties cart) {
        this.messages = messages;
        this.enrolment = enrolment;
        this.suppressions = suppressions;
        this.timeZones = timeZones;
        this.dates = dates;
        this.cart = cart;
    }

    @EventListener
    void on(ContactEventRecorded event) {
        Map<String, Object> properties = event.properties() == null ? Map.of() : event.properties();
        String contactId = event.contactId();
        if (properties.get("timeZone") instanceof String zone) {
            timeZones.set(contactId, zone);
        }
        if (properties.get("dates") != null) {
            dates.store(contactId, properties.get("dates"));
        }
        switch (event.type().wireName()) {
            case "email_clicked" -> {
                messages.clicked(contactId, properties.get("deliveryId"));
                messages.send(CampaignMessages.ENGAGED, contactId, Map.of());
            }
            case "email_opened" -> messages.send(CampaignMessages.ENGAGED, contactId, Map.of());
            case "unsubscribed" -> messages.send(CampaignMessages.UNSUBSCRIBED, contactId, Map.of());
            case "email_bounced" -> {
                if ("hard".equals(properties.get("bounceType"))) {
                    suppressions.add(contactId, SuppressionReason.HARD_BOUNCE, detail(properties));
                    messages.send(CampaignMessages.HARD_BOUNCED, contactId, Map.of());
                }
            }
            case "email_complained" -> {
                suppressions.add(contactId, SuppressionReason.COMPLAINT, detail(properties));
                messages.suppressed(contactId, null);
            }
            case "cart_abandoned" -> enrolment.enrol(CART_PROCESS_KEY, contactId, cart.variablesOf(properties));
            case "purchase" -> messages.send(CampaignMessages.PURCHASED, contactId, Map.of());
            default -> {
            }
        }
        enrolment.announce(event.type(), contactId);
    }

    private static String detail(Map<String, Object> properties) {
        Object delivery = properties.get("deliveryId");
        return delivery == null ? null : "delivery " + delivery;
    }
}

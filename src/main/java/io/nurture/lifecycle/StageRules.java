package io.nurture.lifecycle;

import org.springframework.stereotype.Component;

import io.nurture.event.EventType;

/** Which stage an event moves a contact towards (also the stage a contact starts in). */
@Component
public class StageRules {

    public LifecycleStage targetFor(EventType type, boolean knownByEmail) {
        return switch (type) {
            case DEMO_REQUESTED, CONTACT_US, PRODUCT_INQUIRY -> LifecycleStage.MQL;
            case PURCHASE -> LifecycleStage.CUSTOMER;
            case FORM_SUBMITTED, CONTENT_DOWNLOADED, WEBINAR_REGISTERED, WEBINAR_ATTENDED, NEWSLETTER_SUBSCRIBED ->
                LifecycleStage.LEAD;
            default -> knownByEmail ? LifecycleStage.LEAD : LifecycleStage.VISITOR;
        };
    }
}

package io.nurture.channel.inapp;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactsMerged;

/** The survivor of a merge takes over the merged contact's in-app notifications. */
@Component
class NotificationsOnMerge {

    private final Notifications notifications;

    NotificationsOnMerge(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(ContactsMerged merged) {
        notifications.reassign(merged.mergedId(), merged.survivorId());
    }
}

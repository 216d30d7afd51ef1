package io.nurture.channel.inapp;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.nurture.contact.ContactErased;

/** An erased contact's in-app notifications go with it. */
@Component
class NotificationsOnErasure {

    private final Notifications notifications;

    NotificationsOnErasure(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(ContactErased erased) {
        erased.count("notifications", notifications.deleteOf(erased.contactId()));
    }
}

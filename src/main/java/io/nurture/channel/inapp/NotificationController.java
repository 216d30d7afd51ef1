package io.nurture.channel.inapp;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.nurture.contact.ContactRepository;

@RestController
class NotificationController {

    private final Notifications notifications;
    private final ContactRepository contacts;

    NotificationController(Notifications notifications, ContactRepository contacts) {
        this.notifications = notifications;
        this.contacts = contacts;
    }

    @GetMapping("/api/contacts/{id}/notifications")
    List<Notification> list(@PathVariable String id) {
        contacts.getById(id);
        return notifications.of(id);
    }

    @PostMapping("/api/contacts/{id}/notifications/{notificationId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable String id, @PathVariable String notificationId) {
        contacts.getById(id);
        if (!notifications.markRead(id, notificationId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "Contact '" + id + "' has no notification '" + notificationId + "'");
        }
    }
}

package io.nurture.channel.inapp;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.nurture.channel.Channel;
import io.nurture.channel.Outbound;
import io.nurture.channel.TextTemplates;
import io.nurture.contact.Contact;

/** In-app notifications: stored for the product to show, listed at {@code GET /api/contacts/{id}/notifications}. */
@Component
class InAppChannel implements Channel {

    private final Notifications notifications;
    private final TextTemplates texts;

    InAppChannel(Notifications notifications, TextTemplates texts) {
        this.notifications = notifications;
        this.texts = texts;
    }

    @Override
    public String name() {
        return "inapp";
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.of(contact.id());
    }

    @Override
    public Rendered render(Outbound message) {
        var model = message.personalisation();
        return new Rendered(texts.render(message.input("title"), model), texts.render(message.input("body"), model));
    }

    @Override
    public void send(Outbound message) {
        var model = message.personalisation();
        notifications.add(message.contact().id(), message.deliveryId(), texts.render(message.input("title"), model),
                texts.render(message.input("body"), model), message.input("link"));
    }
}

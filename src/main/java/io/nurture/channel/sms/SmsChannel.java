package io.nurture.channel.sms;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.nurture.channel.Channel;
import io.nurture.channel.Outbound;
import io.nurture.channel.TextTemplates;
import io.nurture.contact.Contact;

/** SMS: the step's text rendered for the contact, handed to the configured {@link SmsTransport}. */
@Component
class SmsChannel implements Channel {

    private final SmsTransport transport;
    private final TextTemplates texts;
    private final String from;
    private final Clock clock = Clock.systemUTC();

    SmsChannel(SmsTransport transport, TextTemplates texts,
            @Value("${nurture.channels.sms.from:Nurture}") String from) {
        this.transport = transport;
        this.texts = texts;
        this.from = from;
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.ofNullable(contact.phone()).map(phone -> phone.replaceAll("[ ()-]", ""));
    }

    @Override
    public Rendered render(Outbound message) {
        return new Rendered(null, texts.render(message.input("text"), message.personalisation()));
    }

    @Override
    public void send(Outbound message) {
        String text = texts.render(message.input("text"), message.personalisation());
        transport.deliver(new SmsMessage(message.deliveryId(), message.contact().id(), from, message.address(), text,
                clock.instant()));
    }
}

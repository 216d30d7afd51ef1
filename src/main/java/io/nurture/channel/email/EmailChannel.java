package io.nurture.channel.email;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.nurture.channel.Channel;
import io.nurture.channel.Outbound;
import io.nurture.channel.TextTemplates;
import io.nurture.channel.TrackingLinks.DeliveryLinks;
import io.nurture.channel.TrackingLinks;
import io.nurture.contact.Contact;

/**
 * E-mail over SMTP: HTML and plain text alternatives from one template, a stable Message-ID per send, tracked links,
 * and for marketing mail the List-Unsubscribe and RFC 8058 one-click List-Unsubscribe-Post headers.
 */
@Component
class EmailChannel implements Channel {

    private final JavaMailSender mailSender;
    private final EmailTemplates templates;
    private final TrackingLinks tracking;
    private final TextTemplates texts;
    private final String from;

    EmailChannel(JavaMailSender mailSender, EmailTemplates templates, TrackingLinks tracking, TextTemplates texts,
            @Value("${nurture.mail.from}") String from) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.tracking = tracking;
        this.texts = texts;
        this.from = from;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Optional<String> address(Contact contact) {
        return Optional.ofNullable(contact.email());
    }

    boolean hasTemplate(String template) {
        return templates.exists(template);
    }

    @Override
    public Rendered render(Outbound message) {
        Map<String, Object> model = model(message);
        return new Rendered(texts.render(message.input("subject"), model),
                templates.text(message.request().template(), model));
    }

    private Map<String, Object> model(Outbound message) {
        Map<String, Object> model = new HashMap<>(message.personalisation());
        model.put("links", tracking.forDelivery(message.deliveryId()));
        model.put("marketing", !message.request().transactional());
        return model;
    }

    /** Throws {@link MailException} when the SMTP server fails, so the job is retried. */
    @Override
    public void send(Outbound message) {
        String template = message.request().template();
        Map<String, Object> model = model(message);
        DeliveryLinks links = (DeliveryLinks) model.get("links");
        MimeMessage mail = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mail, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.address());
            helper.setSubject(texts.render(message.input("subject"), model));
            helper.setText(templates.text(template, model), templates.html(template, model));
            mail.setHeader("Message-ID", message.messageId());
            if (!message.request().transactional()) {
                mail.setHeader("List-Unsubscribe", "<" + links.unsubscribe() + ">");
                mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot compose e-mail '" + template + "' to " + message.address(), e);
        }
        mailSender.send(mail);
    }
}

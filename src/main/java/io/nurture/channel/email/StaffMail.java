package io.nurture.channel.email;

import java.util.HashMap;
import java.util.Map;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import io.nurture.channel.SendRequest;
import io.nurture.channel.Sender;

/**
 * Mail to a team member about a contact (an SDR reminder): sent by the e-mail channel as a transactional message,
 * through the same delivery log, so a job retry never mails the same person twice.
 */
@Component
@NamedInterface("staff-mail")
public class StaffMail {

    private final Sender sender;
    private final EmailChannel email;

    StaffMail(Sender sender, EmailChannel email) {
        this.sender = sender;
        this.email = email;
    }

    public boolean hasTemplate(String template) {
        return email.hasTemplate(template);
    }

    /** Sends once per idempotency key; the delivery row belongs to the contact the mail is about. */
    public void sendOnce(String idempotencyKey, String aboutContactId, String recipient, String template,
            String subject, Map<String, Object> model) {
        Map<String, Object> inputs = new HashMap<>(model);
        inputs.put("subject", subject);
        sender.sendAbout(new SendRequest(idempotencyKey, aboutContactId, email.name(), template, inputs, null, null,
                null, true), recipient);
    }
}

package io.nurture.channel.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.nurture.channel.DeliveryLog;
import io.nurture.channel.DeliveryLog.AlreadyDone;
import io.nurture.channel.DeliveryLog.Claim;
import io.nurture.channel.DeliveryLog.Claimed;
import io.nurture.channel.DeliveryLog.InFlight;
import io.nurture.channel.SendDeferredException;
import io.nurture.channel.SendRequest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Mail to a team member about a contact (an SDR reminder): no tracking, no unsubscribe, no marketing policy, but the
 * same delivery log, so a job retry never mails the same person twice.
 */
@Component
public class StaffMail {

    private final JavaMailSender mailSender;
    private final EmailTemplates templates;
    private final DeliveryLog deliveries;
    private final Duration claimTimeout;
    private final String from;

    StaffMail(JavaMailSender mailSender, EmailTemplates templates, DeliveryLog deliveries,
            @Value("${nurture.channels.claim-timeout}") Duration claimTimeout,
            @Value("${nurture.mail.from}") String from) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.deliveries = deliveries;
        this.claimTimeout = claimTimeout;
        this.from = from;
    }

    public boolean hasTemplate(String template) {
        return templates.exists(template);
    }

    /** Sends once per idempotency key; the delivery row belongs to the contact the mail is about. */
    public void sendOnce(String idempotencyKey, String aboutContactId, String recipient, String template,
            String subject, Map<String, Object> model) {
        SendRequest request = new SendRequest(idempotencyKey, aboutContactId, "email", template,
                Map.of("subject", subject), null, null, null, true);
        Claim claim;
        try {
            claim = deliveries.claim(request, recipient, claimTimeout);
        } catch (DuplicateKeyException concurrentFirstAttempt) {
            throw new SendDeferredException("another attempt is sending it", Instant.now().plusSeconds(5));
        }
        if (claim instanceof AlreadyDone) {
            return;
        }
        if (claim instanceof InFlight inFlight) {
            throw new SendDeferredException("another attempt is sending it", inFlight.retryAt());
        }
        Claimed claimed = (Claimed) claim;
        try {
            mailSender.send(compose(recipient, subject, template, model, claimed.messageId()));
        } catch (RuntimeException e) {
            deliveries.failed(idempotencyKey, e.getMessage());
            throw e;
        }
        deliveries.sent(idempotencyKey, claimed.messageId());
    }

    private MimeMessage compose(String recipient, String subject, String template, Map<String, Object> model,
            String messageId) {
        MimeMessage mail = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mail, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipient);
            helper.setSubject(subject);
            helper.setText(templates.text(template, model), templates.html(template, model));
            mail.setHeader("Message-ID", messageId);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot compose e-mail '" + template + "' to " + recipient, e);
        }
        return mail;
    }
}

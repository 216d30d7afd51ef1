package io.nurture.channel.email;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** E-mail over SMTP: HTML and plain text alternatives from one template name, with a stable Message-ID. */
@Component
public class EmailChannel {

    private final JavaMailSender mailSender;
    private final EmailTemplates templates;
    private final String from;

    EmailChannel(JavaMailSender mailSender, EmailTemplates templates, @Value("${nurture.mail.from}") String from) {
        this.mailSender = mailSender;
        this.templates = templates;
        this.from = from;
    }

    public boolean hasTemplate(String template) {
        return templates.exists(template);
    }

    /** Throws {@link MailException} when the SMTP server fails, so the job is retried. */
    public void send(String to, String subject, String template, Map<String, Object> model, String messageId) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(templates.text(template, model), templates.html(template, model));
            message.setHeader("Message-ID", messageId);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot compose e-mail '" + template + "' to " + to, e);
        }
        mailSender.send(message);
    }
}

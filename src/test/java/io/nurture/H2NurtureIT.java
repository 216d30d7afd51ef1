package io.nurture;

import java.util.Arrays;
import java.util.List;

import io.nurture.channel.email.MailParts;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** The integration suite on H2, sending through a real SMTP server (GreenMail) set by {@code spring.mail.*}. */
@SmtpAppTest
class H2NurtureIT extends AbstractNurtureIT {

    @Override
    List<SentMail> mailsTo(String address) {
        return Arrays.stream(TestSmtp.server().getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .map(H2NurtureIT::toSentMail)
                .toList();
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SentMail toSentMail(MimeMessage message) {
        try {
            return new SentMail(recipients(message), message.getSubject(),
                    MailParts.partOfType(message, "text/plain").trim(), MailParts.partOfType(message, "text/html"),
                    message.getMessageID());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

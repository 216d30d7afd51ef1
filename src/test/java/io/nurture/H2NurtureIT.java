package io.nurture;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.nurture.channel.email.MailParts;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** The integration suite on H2, sending through a real SMTP server (GreenMail) set by {@code spring.mail.*}. */
class H2NurtureIT extends AbstractNurtureIT {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:nurture-it;DB_CLOSE_DELAY=-1");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Override
    List<SentMail> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
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

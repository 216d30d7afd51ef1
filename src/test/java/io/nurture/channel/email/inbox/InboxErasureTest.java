package io.nurture.channel.email.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.nurture.contact.ContactErased;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The built-in inbox (a real GreenMail) after an erasure: the address's mails and account are gone, others stay. */
class InboxErasureTest {

    private final GreenMail inbox = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final InboxErasure erasure = new InboxErasure(inbox);

    @BeforeEach
    void start() {
        inbox.start();
    }

    @AfterEach
    void stop() {
        inbox.stop();
    }

    @Test
    void deletesEveryMailToTheErasedAddressAndItsAccountButNoOtherMail() throws Exception {
        GreenMailUtil.sendTextEmail("ada@example.com", "hello@nurture.example", "Welcome", "Hi Ada",
                inbox.getSmtp().getServerSetup());
        GreenMailUtil.sendTextEmail("Ada@Example.com", "hello@nurture.example", "Tips", "Hi Ada",
                inbox.getSmtp().getServerSetup());
        GreenMailUtil.sendTextEmail("bob@example.com", "hello@nurture.example", "Welcome", "Hi Bob",
                inbox.getSmtp().getServerSetup());
        sendTo("bob@example.com", "ada@example.com"); // Bob's copy names Ada
        assertThat(inbox.getReceivedMessages()).hasSize(5);
        ContactErased erased = erased("ada@example.com");

        erasure.count(erased);
        erasure.delete(erased);

        assertThat(erased.counts()).containsEntry("inboxMails", 4L);
        assertThat(Arrays.stream(inbox.getReceivedMessages()).map(InboxErasureTest::subject))
                .containsExactly("Welcome");
        assertThat(GreenMailUtil.getBody(inbox.getReceivedMessages()[0])).isEqualTo("Hi Bob");
        assertThat(inbox.getUserManager().getUserByEmail("ada@example.com")).isNull();
        assertThat(inbox.getUserManager().getUserByEmail("bob@example.com")).isNotNull();
    }

    @Test
    void anAnonymousContactHasNoMail() throws Exception {
        GreenMailUtil.sendTextEmail("bob@example.com", "hello@nurture.example", "Welcome", "Hi Bob",
                inbox.getSmtp().getServerSetup());
        ContactErased erased = erased(null);

        erasure.count(erased);
        erasure.delete(erased);

        assertThat(inbox.getReceivedMessages()).hasSize(1);
    }

    private void sendTo(String to, String cc) throws Exception {
        Session session = GreenMailUtil.getSession(inbox.getSmtp().getServerSetup());
        MimeMessage message = new MimeMessage(session);
        message.setFrom("hello@nurture.example");
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setRecipient(Message.RecipientType.CC, new InternetAddress(cc));
        message.setSubject("Both");
        message.setText("Hi both");
        Transport.send(message);
    }

    private static ContactErased erased(String email) {
        return new ContactErased("contact-1", email, Set.of("contact-1"));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

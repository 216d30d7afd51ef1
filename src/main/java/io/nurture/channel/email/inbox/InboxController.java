package io.nurture.channel.email.inbox;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import com.icegreen.greenmail.util.GreenMail;

import io.nurture.channel.email.MailParts;
import io.nurture.channel.sms.SmsOutbox;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The built-in inbox: every mail Nurture sent while no real SMTP server is configured, and on the page the built-in
 * SMS outbox beside it while no SMS provider is.
 */
@Controller
@Conditional(BuiltInInboxConfiguration.NoMailHost.class)
class InboxController {

    private final GreenMail inbox;
    private final ObjectProvider<SmsOutbox> smsOutbox;

    InboxController(GreenMail inbox, ObjectProvider<SmsOutbox> smsOutbox) {
        this.inbox = inbox;
        this.smsOutbox = smsOutbox;
    }

    @GetMapping(path = "/api/inbox", produces = "application/json")
    @ResponseBody
    List<ReceivedMail> list() {
        return Arrays.stream(inbox.getReceivedMessages())
                .map(InboxController::toMail)
                .sorted(Comparator.comparing(ReceivedMail::receivedAt).reversed())
                .toList();
    }

    @GetMapping("/inbox")
    String page(Model model) {
        model.addAttribute("mails", list());
        SmsOutbox outbox = smsOutbox.getIfAvailable();
        model.addAttribute("smsOutbox", outbox != null);
        model.addAttribute("sms", outbox == null ? List.of() : outbox.list());
        return "inbox";
    }

    record ReceivedMail(String messageId, String from, String to, String subject, Instant receivedAt, String text,
            String html) {
    }

    private static ReceivedMail toMail(MimeMessage message) {
        try {
            return new ReceivedMail(message.getMessageID(), join(message.getFrom()),
                    join(message.getAllRecipients()), message.getSubject(),
                    message.getSentDate() == null ? Instant.EPOCH : message.getSentDate().toInstant(),
                    MailParts.partOfType(message, "text/plain"), MailParts.partOfType(message, "text/html"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message in the built-in inbox", e);
        }
    }

    private static String join(Address[] addresses) {
        return addresses == null ? "" : String.join(", ", Arrays.stream(addresses).map(Address::toString).toList());
    }
}

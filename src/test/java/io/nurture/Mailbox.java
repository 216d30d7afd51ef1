package io.nurture;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Finds mails in what a test SMTP server (GreenMail) received. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> to(MimeMessage[] received, String address) {
        return Arrays.stream(received).filter(message -> {
            try {
                return Arrays.toString(message.getAllRecipients()).contains(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static long withSubject(MimeMessage[] received, String address, String subject) {
        return to(received, address).stream().filter(message -> {
            try {
                return subject.equals(message.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }
}

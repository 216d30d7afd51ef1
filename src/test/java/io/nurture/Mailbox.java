package io.nurture;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
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

    /** How many mails each address received, by address. */
    public static Map<String, Long> perRecipient(MimeMessage[] received) {
        return Arrays.stream(received).flatMap(message -> recipients(message).stream())
                .collect(Collectors.groupingBy(email -> email, TreeMap::new, Collectors.counting()));
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(address -> ((InternetAddress) address).getAddress())
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

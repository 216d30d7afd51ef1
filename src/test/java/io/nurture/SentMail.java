package io.nurture;

/** A mail as the receiving SMTP server saw it. */
public record SentMail(String to, String subject, String text, String html, String messageId) {
}

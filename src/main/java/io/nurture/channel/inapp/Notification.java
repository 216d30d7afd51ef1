package io.nurture.channel.inapp;

import java.time.Instant;

/** One in-app notification as {@code GET /api/contacts/{id}/notifications} lists it. */
record Notification(String id, String title, String body, String link, String campaign, Instant createdAt,
        Instant readAt) {
}

package io.nurture.lists;

import java.time.Instant;

/** A static list as the API shows it, with how many contacts it holds now. */
public record ContactList(String id, String name, String createdBy, Instant createdAt, long size) {
}

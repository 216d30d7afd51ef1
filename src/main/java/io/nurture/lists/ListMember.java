package io.nurture.lists;

import java.time.Instant;

/** One contact on a list: who put it there, and when. */
public record ListMember(String contactId, String email, String addedBy, Instant addedAt) {
}

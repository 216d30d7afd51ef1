package io.nurture.enrolment;

import io.nurture.web.RefuseUnknownFields;

/**
 * {@code POST /api/campaigns/{key}/enrolments}: the members of a {@code segment} or of a {@code list} (its id), at
 * most {@code perMinute} campaign starts a minute (default 600).
 */
@RefuseUnknownFields
public record EnrolmentRequest(String segment, String list, Integer perMinute) {
}

package io.nurture.audience;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

/** A segment request Nurture refuses: a bad rule or name (400), an unknown segment (404), a name taken (409). */
public class SegmentRefusal extends ProblemException {

    private SegmentRefusal(HttpStatus status, String title, String message) {
        super(status, title, message);
    }

    static SegmentRefusal invalid(String message) {
        return new SegmentRefusal(HttpStatus.BAD_REQUEST, "Invalid request", message);
    }

    static SegmentRefusal notFound(String id) {
        return new SegmentRefusal(HttpStatus.NOT_FOUND, "Not found", "No segment " + id);
    }

    static SegmentRefusal nameTaken(String name) {
        return new SegmentRefusal(HttpStatus.CONFLICT, "Name taken", "name: a segment named '" + name
                + "' exists already");
    }
}

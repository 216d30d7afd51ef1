package io.nurture.suspension;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

/** A suspension request Nurture refuses: an unknown campaign, a reason too long, a suspend during a resume. */
public class SuspensionRefusal extends ProblemException {

    private SuspensionRefusal(HttpStatus status, String title, String message) {
        super(status, title, message);
    }

    static SuspensionRefusal notFound(String message) {
        return new SuspensionRefusal(HttpStatus.NOT_FOUND, "Not found", message);
    }

    static SuspensionRefusal invalid(String message) {
        return new SuspensionRefusal(HttpStatus.BAD_REQUEST, "Invalid request", message);
    }

    static SuspensionRefusal conflict(String message) {
        return new SuspensionRefusal(HttpStatus.CONFLICT, "Resume under way", message);
    }
}

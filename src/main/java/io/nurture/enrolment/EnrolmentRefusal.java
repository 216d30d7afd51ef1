package io.nurture.enrolment;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

/** An enrolment Nurture will not make: bad input (naming the field), or an unknown campaign, audience or enrolment. */
public class EnrolmentRefusal extends ProblemException {

    private EnrolmentRefusal(HttpStatus status, String title, String message) {
        super(status, title, message);
    }

    static EnrolmentRefusal invalid(String message) {
        return new EnrolmentRefusal(HttpStatus.BAD_REQUEST, "Invalid request", message);
    }

    static EnrolmentRefusal notFound(String message) {
        return new EnrolmentRefusal(HttpStatus.NOT_FOUND, "Not found", message);
    }
}

package io.nurture.handoff;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

public class DealNotAllowedException extends ProblemException {

    DealNotAllowedException(String message) {
        super(HttpStatus.CONFLICT, "Deal not allowed", message);
    }
}

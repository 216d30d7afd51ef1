package io.nurture.source;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

class SourceConflictException extends ProblemException {

    SourceConflictException(String message) {
        super(HttpStatus.CONFLICT, "Source exists", message);
    }
}

package io.nurture.source;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

class SourceNotFoundException extends ProblemException {

    SourceNotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, "Not found", message);
    }
}

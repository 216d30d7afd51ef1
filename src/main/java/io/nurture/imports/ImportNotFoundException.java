package io.nurture.imports;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

class ImportNotFoundException extends ProblemException {

    ImportNotFoundException(String importId) {
        super(HttpStatus.NOT_FOUND, "Not found", "There is no import " + importId);
    }
}

package io.nurture.form;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

/** A form request refused before anything is read from it: unknown form, foreign origin, unsupported body. */
class FormRefusal extends ProblemException {

    FormRefusal(HttpStatus status, String title, String message) {
        super(status, title, message);
    }
}

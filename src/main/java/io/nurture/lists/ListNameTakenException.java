package io.nurture.lists;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

class ListNameTakenException extends ProblemException {

    ListNameTakenException(String name) {
        super(HttpStatus.CONFLICT, "Conflict", "name: a list named '" + name + "' exists already");
    }
}

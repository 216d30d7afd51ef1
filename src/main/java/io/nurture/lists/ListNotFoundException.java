package io.nurture.lists;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

public class ListNotFoundException extends ProblemException {

    ListNotFoundException(String listId) {
        super(HttpStatus.NOT_FOUND, "Not found", "There is no list " + listId);
    }
}

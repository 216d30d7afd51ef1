package io.nurture.lists;

import java.util.List;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

public class ListInUseException extends ProblemException {

    ListInUseException(String listId, List<String> users) {
        super(HttpStatus.CONFLICT, "List in use", "The list " + listId + " is named by " + String.join(", ", users)
                + "; change or delete " + (users.size() == 1 ? "it" : "them") + " first");
    }
}

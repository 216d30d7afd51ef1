package io.nurture.contact;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

public class ContactNotFoundException extends ProblemException {

    public ContactNotFoundException(String contactId) {
        super(HttpStatus.NOT_FOUND, "Contact not found", "No contact with id '" + contactId + "'");
    }
}

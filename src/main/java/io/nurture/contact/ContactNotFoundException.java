package io.nurture.contact;

public class ContactNotFoundException extends RuntimeException {

    public ContactNotFoundException(String contactId) {
        super("No contact with id '" + contactId + "'");
    }
}

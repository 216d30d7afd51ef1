package io.nurture.contact;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.security.ApiAuthenticationFilter;
import io.nurture.web.InvalidInputException;

@RestController
class ContactController {

    private final ContactRepository contacts;
    private final ContactErasure erasure;
    private final List<ContactFacet> facets;

    ContactController(ContactRepository contacts, ContactErasure erasure, List<ContactFacet> facets) {
        this.contacts = contacts;
        this.erasure = erasure;
        this.facets = facets;
    }

    @GetMapping("/api/contacts/{id}")
    ContactView show(@PathVariable String id) {
        Contact contact = contacts.getById(id);
        return ContactView.of(contact, facets);
    }

    @DeleteMapping("/api/contacts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable String id, @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        erasure.erase(id, user);
    }

    @GetMapping("/api/contacts")
    List<ContactView> findByEmail(@RequestParam String email) {
        if (email.isBlank() || email.length() > 320 || email.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("email must be an e-mail address of at most 320 characters");
        }
        return contacts.findByEmail(email).stream()
                .map(contact -> ContactView.of(contact, facets))
                .toList();
    }
}

package io.nurture.contact;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.lifecycle.LifecycleService;

@RestController
class ContactController {

    private final ContactRepository contacts;
    private final LifecycleService lifecycle;

    ContactController(ContactRepository contacts, LifecycleService lifecycle) {
        this.contacts = contacts;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/api/contacts/{id}")
    ContactView show(@PathVariable String id) {
        Contact contact = contacts.getById(id);
        return ContactView.of(contact, lifecycle.history(id));
    }

    @GetMapping("/api/contacts")
    List<ContactView> findByEmail(@RequestParam String email) {
        return contacts.findAllByEmail(email).stream()
                .map(contact -> ContactView.of(contact, lifecycle.history(contact.id())))
                .toList();
    }
}

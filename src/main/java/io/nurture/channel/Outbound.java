package io.nurture.channel;

import java.util.Map;

import io.nurture.contact.Contact;

/** What an adapter gets: the claimed delivery, its stable message id, the contact and the step's inputs. */
public record Outbound(String deliveryId, String messageId, Contact contact, String address, SendRequest request) {

    public String input(String name) {
        Object value = request.inputs().get(name);
        return value == null ? null : value.toString();
    }

    /** What templates may use: the contact's first name, company and e-mail, plus the step's own inputs. */
    public Map<String, Object> personalisation() {
        Map<String, Object> model = new java.util.HashMap<>(request.inputs());
        model.put("firstName", contact.firstName() == null ? "" : contact.firstName());
        model.put("lastName", contact.lastName() == null ? "" : contact.lastName());
        model.put("company", contact.company() == null ? "" : contact.company());
        model.put("email", contact.email() == null ? "" : contact.email());
        return model;
    }
}

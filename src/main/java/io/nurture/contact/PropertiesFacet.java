package io.nurture.contact;

import java.util.Map;

import org.springframework.stereotype.Component;

/** The contact JSON's {@code properties}: its custom properties by name. */
@Component
class PropertiesFacet implements ContactFacet {

    private final ContactProperties properties;

    PropertiesFacet(ContactProperties properties) {
        this.properties = properties;
    }

    @Override
    public Map<String, Object> fieldsFor(Contact contact) {
        return Map.of("properties", properties.of(contact.id()));
    }
}

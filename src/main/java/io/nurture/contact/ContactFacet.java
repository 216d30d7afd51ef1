package io.nurture.contact;

import java.util.Map;

/** Extra fields a feature adds to the contact JSON (e.g. the marketing status), without the contact knowing them. */
public interface ContactFacet {

    Map<String, Object> fieldsFor(Contact contact);
}

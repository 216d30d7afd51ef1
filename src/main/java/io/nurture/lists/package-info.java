/**
 * Static lists: named sets of contacts that marketers fill by hand ({@code /api/lists}) or by an import, and empty
 * again one contact at a time. Owns {@code contact_list} and {@code contact_list_member}; moves a merged contact's
 * memberships to the survivor and deletes an erased contact's.
 */
@ApplicationModule(allowedDependencies = { "contact", "security", "web" })
package io.nurture.lists;

import org.springframework.modulith.ApplicationModule;

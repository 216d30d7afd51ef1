/**
 * Static lists: named sets of contacts that marketers fill by hand ({@code /api/lists}) or by an import, and empty
 * again one contact at a time, or delete when nothing names them ({@link io.nurture.lists.ListReferences}). Owns
 * {@code contact_list} and {@code contact_list_member}; moves a merged contact's memberships to the survivor and
 * deletes an erased contact's. Publishes {@link io.nurture.lists.ListMembersChanged} and
 * {@link io.nurture.lists.ListDeleted}.
 */
@ApplicationModule(allowedDependencies = { "contact", "security", "web" })
package io.nurture.lists;

import org.springframework.modulith.ApplicationModule;

/**
 * Contact import: a CSV uploaded to {@code /api/imports} with a column mapping is stored, then read in the background
 * in chunks of 1,000 rows, each chunk one transaction that creates or updates contacts through the contact module's
 * bulk API (one contact per e-mail, as event ingestion keeps it), enters new ones as leads, fills the target list and
 * counts its progress, so a restart goes on after the last chunk. A dry run reads and counts the same and changes no
 * contact. A list an import is still filling is not deleted; one it filled is, and the import lets go of it. Owns
 * {@code contact_import}, {@code contact_import_part} and {@code contact_import_error}.
 */
@ApplicationModule(allowedDependencies = { "contact", "lifecycle", "lists", "process", "security", "web" })
package io.nurture.imports;

import org.springframework.modulith.ApplicationModule;

package io.nurture.imports;

import java.io.BufferedReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactProfile;
import io.nurture.contact.ContactProperties;
import io.nurture.contact.ContactRepository;
import io.nurture.contact.ContactRepository.NewContact;
import io.nurture.contact.PropertyValues;
import io.nurture.contact.StoredProperties;
import io.nurture.imports.ImportColumns.Refused;
import io.nurture.imports.ImportColumns.Row;
import io.nurture.imports.ImportColumns.Valid;
import io.nurture.imports.ImportStore.Counts;
import io.nurture.imports.ImportStore.StoredImport;
import io.nurture.lifecycle.LifecycleService;
import io.nurture.lists.ContactLists;
import io.nurture.process.ConcurrentChanges;

/**
 * Runs one import through its rows, a chunk per transaction, from the row after the last chunk stored. A row whose
 * e-mail an earlier row of the file had is refused, so a file means one thing and its re-import changes nothing.
 */
@Component
class ImportRun {

    private static final int ATTEMPTS = 8;
    static final String SOURCE = "import";

    private final ImportStore store;
    private final ContactRepository contacts;
    private final ContactProperties properties;
    private final LifecycleService lifecycle;
    private final ContactLists lists;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final ImportProperties limits;
    private final Clock clock;

    ImportRun(ImportStore store, ContactRepository contacts, ContactProperties properties, LifecycleService lifecycle,
            ContactLists lists, TransactionTemplate transaction, ObjectMapper json, ImportProperties limits) {
        this.store = store;
        this.contacts = contacts;
        this.properties = properties;
        this.lifecycle = lifecycle;
        this.lists = lists;
        this.transaction = transaction;
        this.json = json;
        this.limits = limits;
        this.clock = Clock.systemUTC();
    }

    /** Runs the import to its end; false when the thread was interrupted (shut down) between chunks. */
    boolean run(String importId) {
        StoredImport stored = store.find(importId).orElseThrow(() -> new ImportNotFoundException(importId));
        ImportReport report = stored.report();
        ImportMapping mapping = mapping(stored.mapping());
        CsvReader csv = new CsvReader(new BufferedReader(new StoredText(store, importId), 64 * 1024),
                limits.maxColumns() + 1, ImportProperties.MAX_FIELD_LENGTH);
        CsvReader.Record header = csv.next();
        ImportColumns columns = ImportColumns.of(header.fields(), header.columns(), mapping);
        Map<String, Integer> seen = new HashMap<>();
        List<Row> chunk = new ArrayList<>(limits.chunkSize());
        int number = 1; // the header's: rows are numbered as a spreadsheet shows them
        int dataRows = 0;
        for (CsvReader.Record record = csv.next(); record != null; record = csv.next()) {
            number++;
            if (record.isBlank()) {
                continue;
            }
            Row row = firstOfItsEmail(columns.read(number, record, limits.maxColumns()), seen);
            if (++dataRows <= report.processedRows()) {
                continue; // stored before a restart
            }
            chunk.add(row);
            if (chunk.size() == limits.chunkSize()) {
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
                apply(report, mapping, chunk);
                chunk.clear();
            }
        }
        apply(report, mapping, chunk);
        transaction.executeWithoutResult(status -> {
            store.finish(importId, ImportStatus.DONE, null, clock.instant());
            store.deleteParts(importId);
        });
        return true;
    }

    private static Row firstOfItsEmail(Row row, Map<String, Integer> seen) {
        if (row instanceof Valid valid) {
            Integer first = seen.putIfAbsent(valid.email(), valid.number());
            if (first != null) {
                return new Refused(valid.number(), valid.email(), "email: the same e-mail as row " + first);
            }
        }
        return row;
    }

    private void apply(ImportReport report, ImportMapping mapping, List<Row> chunk) {
        List<Valid> valid = chunk.stream().filter(Valid.class::isInstance).map(Valid.class::cast).toList();
        List<Refused> refused = chunk.stream().filter(Refused.class::isInstance).map(Refused.class::cast).toList();
        ConcurrentChanges.retried(transaction, ATTEMPTS, DuplicateKeyException.class::isInstance, status -> {
            ChunkResult result = report.dryRun() ? compare(valid) : write(report, mapping, valid, status);
            List<Refused> errors = new ArrayList<>(refused);
            errors.addAll(result.refused());
            errors.sort(Comparator.comparingInt(Refused::number));
            store.addErrors(report.id(), errors);
            store.progress(report.id(), new Counts(chunk.size(), result.created(), result.updated(),
                    valid.size() - result.created() - result.updated() - result.refused().size(), errors.size()),
                    clock.instant().plus(limits.lease()));
            return null;
        });
    }

    /** {@code refused}: valid rows refused against what is stored (too many custom properties on the contact). */
    private record ChunkResult(int created, int updated, List<Refused> refused) {
    }

    /** What a dry run counts: the contacts as they are, unlocked, nothing written. */
    private ChunkResult compare(List<Valid> valid) {
        Map<String, Contact> existing = contacts.findByEmails(valid.stream().map(Valid::email).toList());
        StoredProperties stored = storedOf(valid, existing);
        List<Refused> refused = new ArrayList<>();
        int updated = 0;
        for (Valid row : valid) {
            Contact known = existing.get(row.email());
            if (known != null) {
                Optional<String> tooMany = stored.refusal(known.id(), row.properties());
                if (tooMany.isPresent()) {
                    refused.add(new Refused(row.number(), row.email(), tooMany.get()));
                } else if (ContactRepository.wouldChange(known, row.profile())
                        || stored.wouldChange(known.id(), row.properties())) {
                    updated++;
                }
            }
        }
        return new ChunkResult((int) valid.stream().filter(row -> !existing.containsKey(row.email())).count(),
                updated, refused);
    }

    /** The custom properties of the chunk's known contacts, read only when the mapping fills some. */
    private StoredProperties storedOf(List<Valid> rows, Map<String, Contact> existing) {
        boolean fills = rows.stream().anyMatch(row -> !row.properties().isEmpty());
        return properties.storedOf(fills ? existing.values().stream().map(Contact::id).toList() : List.of());
    }

    /**
     * Updates the contacts that exist (locked), creates the others in one batch, then writes the custom properties of
     * all in one batch. An event that creates one of the e-mails meanwhile makes the batch fail on the unique e-mail:
     * back to the savepoint, that contact is locked and updated instead, and the batch goes again without it.
     */
    private ChunkResult write(ImportReport report, ImportMapping mapping, List<Valid> valid, TransactionStatus status) {
        List<String> members = new ArrayList<>(valid.size());
        List<Valid> pending = new ArrayList<>(valid);
        Map<String, PropertyValues> propertyWrites = new HashMap<>();
        List<Refused> refused = new ArrayList<>();
        int updated = 0;
        List<String> createdIds = List.of();
        for (int attempt = 1;; attempt++) {
            Map<String, Contact> existing = contacts.lockByEmails(pending.stream().map(Valid::email).toList());
            StoredProperties stored = storedOf(pending, existing);
            for (Valid row : pending) {
                Contact known = existing.get(row.email());
                if (known == null) {
                    continue;
                }
                Optional<String> tooMany = stored.refusal(known.id(), row.properties());
                if (tooMany.isPresent()) {
                    refused.add(new Refused(row.number(), row.email(), tooMany.get()));
                    continue;
                }
                members.add(known.id());
                boolean profileChanges = ContactRepository.wouldChange(known, row.profile());
                boolean propertiesChange = stored.wouldChange(known.id(), row.properties());
                if (profileChanges || propertiesChange) {
                    updated++;
                }
                if (propertiesChange) {
                    propertyWrites.put(known.id(), row.properties());
                }
                if (profileChanges) {
                    contacts.updateProfile(known, row.profile());
                }
            }
            pending.removeIf(row -> existing.containsKey(row.email()));
            Object savepoint = status.createSavepoint();
            try {
                createdIds = contacts.createAll(pending.stream()
                        .map(row -> new NewContact(row.email(), lifecycle.knownStage(), asNew(row.profile())))
                        .toList());
                status.releaseSavepoint(savepoint);
                break;
            } catch (RuntimeException conflict) {
                if (!(conflict instanceof DataIntegrityViolationException) && !ConcurrentChanges.isConflict(conflict)) {
                    throw conflict;
                }
                status.rollbackToSavepoint(savepoint);
                if (attempt == ATTEMPTS * 4) {
                    throw conflict;
                }
            }
        }
        for (int i = 0; i < createdIds.size(); i++) {
            if (!pending.get(i).properties().isEmpty()) {
                propertyWrites.put(createdIds.get(i), pending.get(i).properties());
            }
        }
        properties.writeAll(propertyWrites);
        lifecycle.enterKnown(createdIds, "Imported", report.createdBy(), mapping.startsCampaigns());
        members.addAll(createdIds);
        if (report.listId() != null) {
            lists.addAll(report.listId(), members, report.createdBy());
        }
        return new ChunkResult(createdIds.size(), updated, refused);
    }

    /**
     * A new contact without a yes to e-mail has said no: it gets no marketing mail (an existing contact keeps its
     * consent unless the file says yes or no). Its source is the import unless the file names one.
     */
    private static ContactProfile asNew(ContactProfile p) {
        return new ContactProfile(p.firstName(), p.lastName(), p.company(), p.industry(), p.companySize(),
                p.country(), p.source() == null ? SOURCE : p.source(), p.phone(),
                p.consentEmail() == null ? Boolean.FALSE : p.consentEmail(), p.consentSms());
    }

    private ImportMapping mapping(String stored) {
        try {
            return json.readValue(stored, ImportMapping.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored mapping unreadable", e);
        }
    }

    Instant now() {
        return clock.instant();
    }
}

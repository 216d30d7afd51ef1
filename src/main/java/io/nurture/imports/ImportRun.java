package io.nurture.imports;

import java.io.BufferedReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.contact.Contact;
import io.nurture.contact.ContactProfile;
import io.nurture.contact.ContactRepository;
import io.nurture.contact.ContactRepository.NewContact;
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
    private final LifecycleService lifecycle;
    private final ContactLists lists;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final ImportProperties limits;
    private final Clock clock;

    ImportRun(ImportStore store, ContactRepository contacts, LifecycleService lifecycle, ContactLists lists,
            TransactionTemplate transaction, ObjectMapper json, ImportProperties limits) {
        this.store = store;
        this.contacts = contacts;
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
            store.addErrors(report.id(), refused);
            store.progress(report.id(), new Counts(chunk.size(), result.created(), result.updated(),
                    valid.size() - result.created() - result.updated(), refused.size()),
                    clock.instant().plus(limits.lease()));
            return null;
        });
    }

    private record ChunkResult(int created, int updated) {
    }

    /** What a dry run counts: the contacts as they are, unlocked, nothing written. */
    private ChunkResult compare(List<Valid> valid) {
        Map<String, Contact> existing = contacts.findByEmails(valid.stream().map(Valid::email).toList());
        int updated = (int) valid.stream().filter(row -> existing.containsKey(row.email())
                && ContactRepository.wouldChange(existing.get(row.email()), row.profile())).count();
        return new ChunkResult((int) valid.stream().filter(row -> !existing.containsKey(row.email())).count(),
                updated);
    }

    /**
     * Updates the contacts that exist (locked), creates the others in one batch. An event that creates one of the
     * e-mails meanwhile makes the batch fail on the unique e-mail: back to the savepoint, that contact is locked and
     * updated instead, and the batch goes again without it.
     */
    private ChunkResult write(ImportReport report, ImportMapping mapping, List<Valid> valid, TransactionStatus status) {
        List<String> members = new ArrayList<>(valid.size());
        List<Valid> pending = new ArrayList<>(valid);
        int updated = 0;
        List<String> createdIds = List.of();
        for (int attempt = 1;; attempt++) {
            Map<String, Contact> existing = contacts.lockByEmails(pending.stream().map(Valid::email).toList());
            for (Valid row : pending) {
                Contact known = existing.get(row.email());
                if (known != null) {
                    members.add(known.id());
                    if (ContactRepository.wouldChange(known, row.profile())) {
                        updated++;
                        contacts.updateProfile(known, row.profile());
                    }
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
        lifecycle.enterKnown(createdIds, "Imported", report.createdBy(), mapping.startsCampaigns());
        members.addAll(createdIds);
        if (report.listId() != null) {
            lists.addAll(report.listId(), members, report.createdBy());
        }
        return new ChunkResult(createdIds.size(), updated);
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

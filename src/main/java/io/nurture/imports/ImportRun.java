package io.nurture.imports;

import java.io.BufferedReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
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
        List<String> emails = valid.stream().map(Valid::email).toList();
        // a concurrent event may create one of the e-mails first: the retry then finds its contact
        ConcurrentChanges.retried(transaction, ATTEMPTS, DuplicateKeyException.class::isInstance, status -> {
            Map<String, Contact> existing = report.dryRun() ? contacts.findByEmails(emails)
                    : contacts.lockByEmails(emails);
            List<String> members = new ArrayList<>(valid.size());
            List<NewContact> created = new ArrayList<>();
            int updated = 0;
            for (Valid row : valid) {
                Contact known = existing.get(row.email());
                if (known == null) {
                    created.add(new NewContact(row.email(), lifecycle.knownStage(), asNew(row.profile())));
                } else {
                    members.add(known.id());
                    if (ContactRepository.wouldChange(known, row.profile())) {
                        updated++;
                        if (!report.dryRun()) {
                            contacts.updateProfile(known, row.profile());
                        }
                    }
                }
            }
            if (!report.dryRun()) {
                List<String> ids = contacts.createAll(created);
                lifecycle.enterKnown(ids, "Imported", report.createdBy(), mapping.startsCampaigns());
                members.addAll(ids);
                if (report.listId() != null) {
                    lists.addAll(report.listId(), members, report.createdBy());
                }
            }
            store.addErrors(report.id(), refused);
            store.progress(report.id(), new Counts(chunk.size(), created.size(), updated,
                    valid.size() - created.size() - updated, refused.size()), clock.instant().plus(limits.lease()));
            return null;
        });
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

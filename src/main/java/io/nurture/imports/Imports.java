package io.nurture.imports;

import java.io.InputStream;

import org.springframework.stereotype.Service;

/**
 * Imports as another module starts and follows them (the dashboard's import page): the same checks, storage and
 * background run as {@code POST /api/imports}.
 */
@Service
public class Imports {

    private final ContactImports imports;
    private final ImportWorker worker;

    Imports(ContactImports imports, ImportWorker worker) {
        this.imports = imports;
        this.worker = worker;
    }

    /** Stores the upload and queues its import; refused (and nothing stored) as the API refuses it. */
    public ImportReport start(InputStream csv, String fileName, String mappingJson, boolean dryRun, String listId,
            String user) {
        ImportReport started = imports.start(csv, fileName, mappingJson, dryRun, listId, user);
        worker.submit(started.id());
        return started;
    }

    public ImportReport get(String importId) {
        return imports.get(importId);
    }

    /** The refused rows as a formula-safe CSV. */
    public String errorsCsv(String importId) {
        return ErrorsCsv.of(imports.errors(importId, 0, ContactImports.MAX_ERRORS_PAGE));
    }
}

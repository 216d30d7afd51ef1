package io.nurture.imports;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.nurture.imports.ImportStore.NewImport;
import io.nurture.imports.ImportStore.RowError;
import io.nurture.imports.ImportStore.StoredImport;
import io.nurture.lists.ContactLists;
import io.nurture.web.InvalidInputException;

/** Starts imports from uploads and reports on them; {@link ImportWorker} runs them. */
@Service
class ContactImports {

    /** Room for 50 property keys and their headers; stored (contact_import.mapping, 20,000) with every field named. */
    static final int MAX_MAPPING_LENGTH = 16_000;
    static final int MAX_FILE_NAME_LENGTH = 200;
    static final int MAX_ERRORS_PAGE = 10_000;

    private final ImportStore store;
    private final ContactLists lists;
    private final ObjectMapper json;
    private final ImportProperties limits;

    ContactImports(ImportStore store, ContactLists lists, ObjectMapper json, ImportProperties limits) {
        this.store = store;
        this.lists = lists;
        this.json = json;
        this.limits = limits;
    }

    /** Stores the upload and queues its import; nothing is stored when the file or the mapping is refused. */
    @Transactional
    ImportReport start(InputStream file, String fileName, String mappingJson, boolean dryRun, String listId,
            String user) {
        ImportMapping mapping = mapping(mappingJson);
        if (listId != null) {
            lists.requireExists(listId);
        }
        String id = UUID.randomUUID().toString();
        String name = fileName == null ? null : ImportColumns.shortened(fileName.strip());
        // the import's row first: the parts refer to it
        store.create(new NewImport(id, name == null || name.length() > MAX_FILE_NAME_LENGTH ? null : name,
                write(mapping), mapping.startsCampaigns(), dryRun, listId, user, Instant.now()));
        ImportUpload.Scanned scanned = ImportUpload.scan(file, mapping, limits,
                (part, text) -> store.addPart(id, part, text));
        store.setTotalRows(id, scanned.rows());
        return get(id);
    }

    ImportReport get(String importId) {
        return stored(importId).report();
    }

    List<ImportReport> recent() {
        return store.recent(50).stream().map(StoredImport::report).toList();
    }

    List<RowError> errors(String importId, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_ERRORS_PAGE) {
            throw new InvalidInputException("offset must be 0 or more and limit between 1 and " + MAX_ERRORS_PAGE);
        }
        stored(importId);
        return store.errors(importId, offset, limit);
    }

    StoredImport stored(String importId) {
        return store.find(importId).orElseThrow(() -> new ImportNotFoundException(importId));
    }

    ImportMapping mapping(String mappingJson) {
        if (mappingJson == null || mappingJson.isBlank()) {
            return ImportMapping.BY_HEADER;
        }
        if (mappingJson.length() > MAX_MAPPING_LENGTH) {
            throw new InvalidInputException("mapping: at most " + MAX_MAPPING_LENGTH + " characters");
        }
        try {
            ImportMapping mapping = json.readValue(mappingJson, ImportMapping.class);
            if (mapping == null) {
                throw new InvalidInputException("mapping: must be a JSON object");
            }
            return mapping.checked();
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException("mapping." + e.getPropertyName() + ": not a field an import fills ("
                    + "email, firstName, lastName, company, industry, companySize, country, phone, source, "
                    + "consentEmail, consentSms, startCampaigns, properties)");
        } catch (JsonProcessingException e) {
            String path = "mapping" + (e instanceof JsonMappingException mapping ? fields(mapping) : "");
            throw new InvalidInputException(path + ": " + (path.equals("mapping")
                    ? "not a JSON object of column names"
                    : path.equals("mapping.startCampaigns") ? "must be true or false"
                    : path.equals("mapping.properties") ? "must be an object of custom property key → column name"
                    : "must be a column name (a string)"));
        }
    }

    /** ".properties.plan" for the field a mapping error is in, up to the first that is not a field. */
    private static String fields(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() == null) {
                break;
            }
            path.append('.').append(ImportColumns.shortened(reference.getFieldName()));
        }
        return path.toString();
    }

    private String write(ImportMapping mapping) {
        try {
            return json.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.nurture.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Parameter;

import io.nurture.imports.ImportStore.RowError;
import io.nurture.security.ApiAuthenticationFilter;
import io.nurture.web.InvalidInputException;

/**
 * Contact imports for marketers (security.ApiAccessRules): {@code multipart/form-data} with the CSV as part
 * {@code file} and the form fields {@code mapping} (JSON), {@code dryRun} and {@code listId}; answered 202 at once.
 */
@RestController
class ImportController {

    private final ContactImports imports;
    private final Imports starter;

    ImportController(ContactImports imports, Imports starter) {
        this.imports = imports;
        this.starter = starter;
    }

    static final String MAPPING = "A JSON object of at most " + ContactImports.MAX_MAPPING_LENGTH + " characters: the "
            + "header of the column that fills each contact field (`email`, `firstName`, `lastName`, `company`, "
            + "`industry`, `companySize`, `country`, `phone`, `source`, `consentEmail`, `consentSms`; a field left "
            + "out is read from the column of its own name), `\"startCampaigns\": true`, and `properties`: custom "
            + "property key → header (at most 50), e.g. `{\"email\": \"E-Mail\", \"properties\": {\"plan\": "
            + "\"Plan\"}}`. A cell that reads as a number is stored as a number, `true`/`false` as a flag, anything "
            + "else as text; an empty cell leaves the property as it is.";

    @PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> start(@RequestPart("file") MultipartFile file,
            @Parameter(description = MAPPING) @RequestParam(required = false) String mapping,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String listId,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        ImportReport started;
        try (InputStream csv = file.getInputStream()) {
            started = starter.start(csv, file.getOriginalFilename(), mapping, dryRun, blankAsNull(listId), user);
        } catch (IOException e) {
            throw new InvalidInputException("file: the upload could not be read");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/imports/" + started.id()))
                .body(started);
    }

    @GetMapping("/api/imports")
    List<ImportReport> recent() {
        return imports.recent();
    }

    @GetMapping("/api/imports/{id}")
    ImportReport get(@PathVariable String id) {
        return imports.get(id);
    }

    @GetMapping(path = "/api/imports/{id}/errors", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RowError> errors(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "1000") int limit) {
        return imports.errors(id, offset, limit);
    }

    /** The refused rows as a CSV to open in a spreadsheet, safe from formula injection. */
    @GetMapping(path = "/api/imports/{id}/errors", produces = "text/csv")
    ResponseEntity<String> errorsCsv(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "10000") int limit) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"import-" + id.replaceAll("[^A-Za-z0-9-]", "")
                        + "-errors.csv\"")
                .body(ErrorsCsv.of(imports.errors(id, offset, limit)));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

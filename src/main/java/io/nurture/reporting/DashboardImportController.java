package io.nurture.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;

import io.nurture.imports.ImportReport;
import io.nurture.imports.Imports;
import io.nurture.lists.ContactLists;
import io.nurture.web.InvalidInputException;

/**
 * Importing contacts from the dashboard: upload a CSV, name its columns, optionally a dry run or a target list, and
 * follow the import to its report. For the groups that may import over the API; the upload carries the page's
 * session token.
 */
@Controller
class DashboardImportController {

    private final Imports imports;
    private final ContactLists lists;
    private final DashboardWrites writes = new DashboardWrites("nurture.dashboard.importToken",
            "Importing contacts is");

    DashboardImportController(Imports imports, ContactLists lists) {
        this.imports = imports;
        this.lists = lists;
    }

    @GetMapping("/dashboard/imports")
    String page(@RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, HttpServletRequest request,
            Model model) {
        writes.mayDo(request, "POST", "/api/imports");
        model.addAttribute("user", user);
        model.addAttribute("lists", lists.all());
        model.addAttribute("token", writes.token(request.getSession()));
        return "dashboard-import";
    }

    @PostMapping(path = "/dashboard/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    ResponseEntity<ImportReport> start(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String mapping, @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String listId,
            @RequestHeader(name = DashboardWrites.TOKEN_HEADER, defaultValue = "") String token,
            @RequestAttribute(DashboardAccessFilter.USER_ATTRIBUTE) String user, HttpServletRequest request) {
        writes.mayWrite(request, token, "POST", "/api/imports");
        try (InputStream csv = file.getInputStream()) {
            ImportReport started = imports.start(csv, file.getOriginalFilename(), mapping, dryRun,
                    listId == null || listId.isBlank() ? null : listId, user);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(started);
        } catch (IOException e) {
            throw new InvalidInputException("file: the upload could not be read");
        }
    }

    @GetMapping("/dashboard/imports/{id}")
    @ResponseBody
    ImportReport progress(@PathVariable String id, HttpServletRequest request) {
        writes.mayDo(request, "GET", "/api/imports/{id}");
        return imports.get(id);
    }

    @GetMapping("/dashboard/imports/{id}/errors.csv")
    ResponseEntity<String> errors(@PathVariable String id, HttpServletRequest request) {
        writes.mayDo(request, "GET", "/api/imports/{id}/errors");
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"import-errors.csv\"")
                .body(imports.errorsCsv(id));
    }
}

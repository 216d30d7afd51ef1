package io.nurture.form;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.ingestion.EventIngestionService;
import io.nurture.web.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /f/{form}}, no login: the body a plain HTML form sends ({@code application/x-www-form-urlencoded}) or
 * JSON. A browser is sent on to the form's thank-you page (303) or shown Nurture's own; a script that sends or asks
 * for JSON gets {@code {"success":true}}, never the contact's id. Refusals come as a page or a problem the same way.
 */
@RestController
class FormController {

    private final Forms forms;
    private final EventIngestionService ingestion;

    FormController(Forms forms, EventIngestionService ingestion) {
        this.forms = forms;
        this.ingestion = ingestion;
    }

    @PostMapping(path = "/f/{form}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> urlencoded(@PathVariable String form, HttpServletRequest request) throws IOException {
        // read as sent, not through the container's lenient parameter parsing (which drops what it cannot decode);
        // the body caps of /f/* bound it
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        return fill(form, UrlEncodedBody.parse(body, charsetOf(request)), request);
    }

    @PostMapping(path = "/f/{form}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> json(@PathVariable String form, @RequestBody(required = false) Map<String, Object> body,
            HttpServletRequest request) {
        if (body == null) {
            throw new InvalidInputException("The body must be a JSON object of field names and values");
        }
        Map<String, List<Object>> values = new LinkedHashMap<>();
        body.forEach((field, value) -> {
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new InvalidInputException("Field " + field + " must be a single value, not an object or list");
            }
            values.put(field, value == null ? List.of() : List.of(value));
        });
        return fill(form, values, request);
    }

    /** Any other body: multipart, text/plain, none. */
    @PostMapping("/f/{form}")
    ResponseEntity<?> unsupported(@PathVariable String form, HttpServletRequest request) {
        checked(form, request);
        throw new FormRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported form body", "A form is posted as "
                + MediaType.APPLICATION_FORM_URLENCODED_VALUE + " or " + MediaType.APPLICATION_JSON_VALUE);
    }

    private ResponseEntity<?> fill(String name, Map<String, List<Object>> values, HttpServletRequest request) {
        Form form = checked(name, request);
        FormFill fill = FormFill.read(form, values, request.getHeader(HttpHeaders.REFERER));
        if (!fill.spam()) {
            ingestion.ingest(fill.event(), form.actor());
        }
        if (wantsJson(request)) {
            return ResponseEntity.ok(Map.of("success", true));
        }
        if (form.redirect() != null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(form.redirect()).build();
        }
        return FormPages.thanks();
    }

    /** The form, if there is one by that name and the browser's page is one of its allowed origins. */
    private Form checked(String name, HttpServletRequest request) {
        Form form = forms.named(name).orElseThrow(() -> new FormRefusal(HttpStatus.NOT_FOUND, "Unknown form",
                "There is no form by that name"));
        Origins.of(request).ifPresent(origin -> {
            if (!form.allowsOrigin(origin)) {
                throw new FormRefusal(HttpStatus.FORBIDDEN, "Origin not allowed",
                        "This form may not be posted from that site");
            }
        });
        return form;
    }

    @ExceptionHandler(FormRefusal.class)
    ResponseEntity<?> refused(FormRefusal e, HttpServletRequest request) {
        return answer(e.status(), e.title(), e.getMessage(), request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<?> invalid(InvalidInputException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "Invalid form", e.getMessage(), request);
    }

    private static ResponseEntity<?> answer(HttpStatus status, String title, String detail,
            HttpServletRequest request) {
        if (!wantsJson(request)) {
            return FormPages.refused(status, detail);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Browsers send UTF-8, the charset of the form's page, and name it seldom. */
    private static Charset charsetOf(HttpServletRequest request) {
        try {
            Charset charset = MediaType.parseMediaType(request.getContentType()).getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (IllegalArgumentException unknownCharset) {
            throw new InvalidInputException("The charset of the form body is not one Nurture reads; send UTF-8");
        }
    }

    /** A script: it sent JSON or asks for it. A browser's plain form sends neither. */
    static boolean wantsJson(HttpServletRequest request) {
        try {
            String contentType = request.getContentType();
            if (contentType != null
                    && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return true;
            }
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            return accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(type ->
                    type.getQualityValue() > 0 && type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}

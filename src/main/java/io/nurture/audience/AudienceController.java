package io.nurture.audience;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.audience.SegmentViews.ContactSegments;
import io.nurture.audience.SegmentViews.MemberPage;
import io.nurture.audience.SegmentViews.Preview;
import io.nurture.audience.SegmentViews.SegmentView;
import io.nurture.audience.SegmentViews.Sizes;

/** Segments over HTTP: rules, preview, members (JSON pages or all as CSV), sizes, a contact's segments, deletion. */
@RestController
class AudienceController {

    private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Segments segments;

    AudienceController(Segments segments) {
        this.segments = segments;
    }

    @PostMapping("/api/segments")
    @ResponseStatus(HttpStatus.CREATED)
    SegmentView create(@RequestBody SegmentRequest request) {
        return segments.create(request);
    }

    @GetMapping("/api/segments")
    List<SegmentView> all() {
        return segments.all();
    }

    @GetMapping("/api/segments/{id}")
    SegmentView one(@PathVariable String id) {
        return segments.find(id);
    }

    @PutMapping("/api/segments/{id}")
    SegmentView update(@PathVariable String id, @RequestBody SegmentRequest request) {
        return segments.update(id, request);
    }

    @DeleteMapping("/api/segments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        segments.delete(id);
    }

    @PostMapping("/api/segments/preview")
    Preview preview(@RequestBody PreviewRequest request) {
        return segments.preview(request);
    }

    /** JSON pages, the latest to enter first; every member as CSV with {@code Accept: text/csv} or {@code format=csv}. */
    @GetMapping(path = "/api/segments/{id}/members", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
    ResponseEntity<?> members(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if ("csv".equals(format) || (format == null && accept != null && accept.startsWith("text/csv"))) {
            return ResponseEntity.ok().contentType(TEXT_CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"segment-" + id + ".csv\"")
                    .body(segments.membersCsv(id));
        }
        if (format != null && !"json".equals(format)) {
            throw SegmentRefusal.invalid("format: json or csv");
        }
        MemberPage membersPage = segments.members(id, page, size);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(membersPage);
    }

    @GetMapping("/api/segments/{id}/sizes")
    Sizes sizes(@PathVariable String id, @RequestParam(defaultValue = "30") int days) {
        return segments.sizes(id, days);
    }

    @GetMapping("/api/contacts/{id}/segments")
    ContactSegments ofContact(@PathVariable String id) {
        return segments.ofContact(id);
    }
}

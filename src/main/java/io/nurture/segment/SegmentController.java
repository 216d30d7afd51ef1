package io.nurture.segment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.nurture.segment.SegmentMessages.Receipt;
import io.nurture.source.Source;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Segment's HTTP tracking API (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/), with
 * the short paths analytics.js posts to. Bodies are JSON, also sent as {@code text/plain} (a browser sends that
 * without a CORS preflight). No user login: a source's write key.
 */
@RestController
class SegmentController {

    private static final Map<String, Object> SUCCESS = Map.of("success", true);

    private final SegmentTracking tracking;
    private final SegmentJson json;
    private final WriteKeyAuthentication authentication;

    SegmentController(SegmentTracking tracking, SegmentJson json, WriteKeyAuthentication authentication) {
        this.tracking = tracking;
        this.json = json;
        this.authentication = authentication;
    }

    @PostMapping(path = { "/v1/identify", "/v1/i" }, consumes = { MediaType.APPLICATION_JSON_VALUE,
            MediaType.TEXT_PLAIN_VALUE })
    Map<String, Object> identify(@RequestBody byte[] body, HttpServletRequest request) {
        return single(CallType.IDENTIFY, body, request);
    }

    @PostMapping(path = { "/v1/track", "/v1/t" }, consumes = { MediaType.APPLICATION_JSON_VALUE,
            MediaType.TEXT_PLAIN_VALUE })
    Map<String, Object> track(@RequestBody byte[] body, HttpServletRequest request) {
        return single(CallType.TRACK, body, request);
    }

    @PostMapping(path = { "/v1/page", "/v1/p" }, consumes = { MediaType.APPLICATION_JSON_VALUE,
            MediaType.TEXT_PLAIN_VALUE })
    Map<String, Object> page(@RequestBody byte[] body, HttpServletRequest request) {
        return single(CallType.PAGE, body, request);
    }

    @PostMapping(path = { "/v1/screen", "/v1/s" }, consumes = { MediaType.APPLICATION_JSON_VALUE,
            MediaType.TEXT_PLAIN_VALUE })
    Map<String, Object> screen(@RequestBody byte[] body, HttpServletRequest request) {
        return single(CallType.SCREEN, body, request);
    }

    @PostMapping(path = { "/v1/group", "/v1/g" }, consumes = { MediaType.APPLICATION_JSON_VALUE,
            MediaType.TEXT_PLAIN_VALUE })
    Map<String, Object> group(@RequestBody byte[] body, HttpServletRequest request) {
        return single(CallType.GROUP, body, request);
    }

    @PostMapping(path = { "/v1/alias", "/v1/a" }, consumes = { MediaType.APPLICATION_JSON_VALUE,
            MediaType.TEXT_PLAIN_VALUE })
    Map<String, Object> alias(@RequestBody byte[] body, HttpServletRequest request) {
        return single(CallType.ALIAS, body, request);
    }

    /** {@code /v1/import} is the older name of batch. */
    @PostMapping(path = { "/v1/batch", "/v1/b", "/v1/import" }, consumes = { MediaType.APPLICATION_JSON_VALUE,
            MediaType.TEXT_PLAIN_VALUE })
    Map<String, Object> batch(@RequestBody byte[] body, HttpServletRequest request) {
        Authenticated sent = authenticated(body, SegmentTracking.MAX_BATCH_BYTES, "A batch", request);
        Instant batchSentAt = Fields.of(sent.body()).time("sentAt");
        List<SegmentTracking.Refused> refused = tracking.storeBatch(sent.body().get("batch"),
                sent.body().get("context"), receipt(sent.source(), request, batchSentAt));
        Map<String, Object> answer = new LinkedHashMap<>(SUCCESS);
        answer.put("refused", refused);
        return answer;
    }

    @ExceptionHandler(TrackingRefusal.class)
    ResponseEntity<ProblemDetail> refused(TrackingRefusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.getMessage());
        problem.setTitle(refusal.title());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status());
        if (refusal.status() == HttpStatus.UNAUTHORIZED) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, TrackingRefusal.REALM);
        }
        return answer.body(problem);
    }

    private Map<String, Object> single(CallType call, byte[] body, HttpServletRequest request) {
        Authenticated sent = authenticated(body, SegmentTracking.MAX_MESSAGE_BYTES, "A message", request);
        tracking.store(call, sent.body(), receipt(sent.source(), request, null));
        return SUCCESS;
    }

    /**
     * The body, once its size is right and its key names a source. A key in the header is checked before the body is
     * read; one in the body only after.
     */
    private Authenticated authenticated(byte[] body, int maxBytes, String what, HttpServletRequest request) {
        if (body.length > maxBytes) {
            throw TrackingRefusal.tooLarge(what, maxBytes);
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String headerKey = WriteKeyAuthentication.keyOfHeader(request.getHeader(HttpHeaders.AUTHORIZATION));
        Source source = headerKey == null ? null : authentication.sourceOf(headerKey, origin);
        ObjectNode parsed = json.object(body);
        if (source == null) {
            source = authentication.sourceOf(Fields.of(parsed).text("writeKey"), origin);
        }
        return new Authenticated(source, parsed);
    }

    private static Receipt receipt(Source source, HttpServletRequest request, Instant batchSentAt) {
        return new Receipt(source.name(), Instant.now(), request.getRemoteAddr(), batchSentAt);
    }

    private record Authenticated(Source source, ObjectNode body) {
    }
}

package io.nurture.segment;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

/** A request the tracking API does not take at all: no valid write key, a foreign origin, too large a body. */
final class TrackingRefusal extends ProblemException {

    private static final long serialVersionUID = 1L;

    static final String REALM = "Basic realm=\"Nurture tracking API\"";

    private TrackingRefusal(HttpStatus status, String title, String message) {
        super(status, title, message);
    }

    static TrackingRefusal noWriteKey() {
        return new TrackingRefusal(HttpStatus.UNAUTHORIZED, "Write key required",
                "A source's write key is required: as the HTTP Basic user name (with an empty password) or as "
                        + "writeKey in the JSON body");
    }

    static TrackingRefusal originNotAllowed(String origin) {
        return new TrackingRefusal(HttpStatus.FORBIDDEN, "Origin not allowed",
                "This source does not take events from pages of " + shortened(origin)
                        + "; an admin lists the origins a source's pages may post from");
    }

    static TrackingRefusal tooLarge(String what, int maxBytes) {
        return new TrackingRefusal(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                what + " must be at most " + maxBytes / 1024 + " KB");
    }

    private static String shortened(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}

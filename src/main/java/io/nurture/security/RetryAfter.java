package io.nurture.security;

import java.io.IOException;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A throttle's wait as a 429 says it: whole seconds, rounded up and at least one, in the header and in words. */
record RetryAfter(long seconds) {

    static RetryAfter of(Duration wait) {
        return new RetryAfter(Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L));
    }

    /** "Too many {what} from your address; try again in 4 seconds". */
    String detail(String what) {
        return "Too many " + what + " from your address; try again in " + seconds
                + (seconds == 1 ? " second" : " seconds");
    }

    void setOn(HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    /** The header and a 429 problem naming {@code what} was too many. */
    void refuse(HttpServletRequest request, HttpServletResponse response, String what) throws IOException {
        setOn(response);
        ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, detail(what), request.getRequestURI());
    }
}

package io.nurture.security;

import java.io.IOException;

/** A request body that turned out, while it was read, to be longer than its endpoint's limit. */
class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
        super("The request body is longer than " + limit + " bytes");
    }
}

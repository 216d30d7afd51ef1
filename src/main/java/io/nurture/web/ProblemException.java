package io.nurture.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal a feature names itself: {@link ProblemHandler} answers it with its status, title and message as an
 * RFC 9457 problem, so the web layer need not know the feature's exceptions.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    protected ProblemException(HttpStatus status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}

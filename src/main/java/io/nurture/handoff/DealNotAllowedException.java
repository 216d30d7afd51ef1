package io.nurture.handoff;

public class DealNotAllowedException extends RuntimeException {

    DealNotAllowedException(String message) {
        super(message);
    }
}

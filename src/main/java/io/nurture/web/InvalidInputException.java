package io.nurture.web;

/** Bad input that bean validation cannot express; answered with 400. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}

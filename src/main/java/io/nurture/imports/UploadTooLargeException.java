package io.nurture.imports;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

class UploadTooLargeException extends ProblemException {

    UploadTooLargeException(String message) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", message);
    }
}

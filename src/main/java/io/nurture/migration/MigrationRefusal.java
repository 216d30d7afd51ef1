package io.nurture.migration;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

/** A migration request Nurture refuses: an unknown campaign, version or batch, versions out of order, nothing to move. */
public class MigrationRefusal extends ProblemException {

    private MigrationRefusal(HttpStatus status, String title, String message) {
        super(status, title, message);
    }

    static MigrationRefusal notFound(String message) {
        return new MigrationRefusal(HttpStatus.NOT_FOUND, "Not found", message);
    }

    static MigrationRefusal invalid(String message) {
        return new MigrationRefusal(HttpStatus.BAD_REQUEST, "Invalid request", message);
    }

    static MigrationRefusal conflict(String message) {
        return new MigrationRefusal(HttpStatus.CONFLICT, "Nothing to migrate", message);
    }
}

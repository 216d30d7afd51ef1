package io.nurture.simulation;

import org.springframework.http.HttpStatus;

import io.nurture.web.ProblemException;

/** A simulation Nurture will not run: bad input (naming the field), an unknown campaign, or a simulator at capacity. */
public class SimulationRefusal extends ProblemException {

    private SimulationRefusal(HttpStatus status, String title, String message) {
        super(status, title, message);
    }

    static SimulationRefusal invalid(String field, String message) {
        return new SimulationRefusal(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message);
    }

    static SimulationRefusal notFound(String message) {
        return new SimulationRefusal(HttpStatus.NOT_FOUND, "Not found", message);
    }

    static SimulationRefusal busy() {
        return new SimulationRefusal(HttpStatus.TOO_MANY_REQUESTS, "Simulator busy",
                "Other simulations are running; try again in a few seconds");
    }
}

package io.nurture.handoff;

import java.util.Map;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Camunda's REST API reports any engine exception during a task completion as 500; an unroutable decision is the
 * caller's mistake, so it becomes a 400 in Camunda's own error format. Everything else is left to Camunda's handler.
 */
@Priority(Priorities.USER - 100)
class UnroutableDecisionMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnroutableDecisionException unroutable) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "InvalidRequestException", "message", unroutable.getMessage()))
                        .build();
            }
        }
        return camunda.toResponse(exception);
    }

    @Component
    static class Registration implements ResourceConfigCustomizer {
        @Override
        public void customize(ResourceConfig config) {
            config.register(UnroutableDecisionMapper.class);
        }
    }
}

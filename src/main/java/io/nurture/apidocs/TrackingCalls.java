package io.nurture.apidocs;

import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;

/**
 * The tracking API reads its bodies itself (JSON, also as {@code text/plain}), so springdoc sees only bytes: here is
 * what a Segment message looks like, and what each call and short path is for.
 */
final class TrackingCalls {

    private static final Map<String, String> SUMMARIES = Map.of(
            "identify", "Identify a person by userId/anonymousId, with traits (email, name, consent…; other scalar "
                    + "traits become the contact's custom properties)",
            "track", "Record an event: `Trial Started` is stored as `trial_started`",
            "page", "Record a page view",
            "screen", "Record an app screen view",
            "group", "Associate the person with a company (traits of the group)",
            "alias", "Merge an earlier id (previousId) into userId",
            "batch", "Up to 500 KB of messages at once; answers which were refused",
            "import", "The older name of batch");

    private static final Map<String, String> SHORT_PATHS = Map.of("i", "identify", "t", "track", "p", "page",
            "s", "screen", "g", "group", "a", "alias", "b", "batch");

    private TrackingCalls() {
    }

    static void describe(String path, Operation operation) {
        String call = path.substring("/v1/".length());
        String named = SHORT_PATHS.getOrDefault(call, call);
        String summary = SUMMARIES.getOrDefault(named, "");
        operation.setSummary(named.equals(call) ? summary : summary + " (analytics.js's short path of /v1/" + named
                + ")");
        boolean batch = named.equals("batch") || named.equals("import");
        Schema<?> body = batch ? batchSchema() : messageSchema();
        operation.setRequestBody(new RequestBody().required(true)
                .description("JSON, also sent as text/plain (a browser's beacon, without a CORS preflight)")
                .content(new Content().addMediaType("application/json", new MediaType().schema(body))
                        .addMediaType("text/plain", new MediaType().schema(body))));
    }

    static void describeForm(Operation operation) {
        operation.setSummary("A fill of a form configured as nurture.forms.<form>: a thank-you page for a browser, JSON for a script");
        Schema<?> fields = new ObjectSchema().additionalProperties(new StringSchema())
                .description("The form's fields, e.g. email, firstName, its consent checkbox");
        operation.setRequestBody(new RequestBody().required(true).content(new Content()
                .addMediaType("application/x-www-form-urlencoded", new MediaType().schema(fields))
                .addMediaType("application/json", new MediaType().schema(fields))));
    }

    private static Schema<?> messageSchema() {
        return new ObjectSchema().description("A Segment message; unknown fields are ignored")
                .addProperty("userId", new StringSchema()).addProperty("anonymousId", new StringSchema())
                .addProperty("messageId", new StringSchema().description("idempotency key"))
                .addProperty("event", new StringSchema().description("track: the event name"))
                .addProperty("name", new StringSchema().description("page/screen: its name"))
                .addProperty("previousId", new StringSchema().description("alias: the id merged"))
                .addProperty("traits", new ObjectSchema()).addProperty("properties", new ObjectSchema())
                .addProperty("context", new ObjectSchema())
                .addProperty("timestamp", new StringSchema().format("date-time"))
                .addProperty("writeKey", new StringSchema().description("instead of HTTP Basic"));
    }

    private static Schema<?> batchSchema() {
        return new ObjectSchema()
                .addProperty("batch", new ArraySchema().items(messageSchema().addProperty("type",
                        new StringSchema().description("identify, track, page, screen, group or alias"))))
                .addProperty("context", new ObjectSchema())
                .addProperty("sentAt", new StringSchema().format("date-time"))
                .addProperty("writeKey", new StringSchema().description("instead of HTTP Basic"));
    }
}

package io.nurture.security;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code nurture.limits.request-body.*}: the largest request body each family of endpoints takes, checked before
 * anything reads it.
 *
 * @param api {@code /api/**}: Nurture's JSON API (an event is a few KB)
 * @param imports {@code /api/imports}: a CSV of contacts to import (multipart)
 * @param engine {@code /engine-rest/**} and {@code /camunda/api/**} (the webapps): JSON queries, variables, batches
 * @param engineMultipart the same paths with {@code multipart/form-data}: deployments and file variables
 * @param segment {@code /v1/**}: the Segment-compatible tracking API, whose batches are up to 500 KB
 * @param forms {@code /f/**}: public form capture
 * @param links {@code /t/**}: tracking links, the one-click unsubscribe and the preference page
 * @param dashboard {@code /dashboard/**}: its login and filter forms
 * @param other every other path
 */
@ConfigurationProperties("nurture.limits.request-body")
record RequestBodyLimits(@DefaultValue("64KB") DataSize api, @DefaultValue("50MB") DataSize imports,
        @DefaultValue("1MB") DataSize engine,
        @DefaultValue("10MB") DataSize engineMultipart, @DefaultValue("512KB") DataSize segment,
        @DefaultValue("16KB") DataSize forms, @DefaultValue("8KB") DataSize links,
        @DefaultValue("16KB") DataSize dashboard, @DefaultValue("1MB") DataSize other) {

    /** The limit for a request to {@code path} (decoded, within the application) with this content type. */
    Limit forPath(String path, String contentType) {
        if (RequestPaths.isUnder(path, "/engine-rest") || RequestPaths.isUnder(path, "/camunda/api")) {
            return isMultipart(contentType)
                    ? new Limit(engineMultipart, "engine-multipart",
                            "multipart bodies of /engine-rest/** and /camunda/api/**")
                    : new Limit(engine, "engine", "/engine-rest/** and /camunda/api/**");
        }
        if (RequestPaths.isUnder(path, "/api/imports") || RequestPaths.isUnder(path, "/dashboard/imports")) {
            return new Limit(imports, "imports", "/api/imports and the dashboard's import page");
        }
        if (RequestPaths.isUnder(path, "/api")) {
            return new Limit(api, "api", "/api/**");
        }
        if (RequestPaths.isUnder(path, "/v1")) {
            return new Limit(segment, "segment", "/v1/**");
        }
        if (RequestPaths.isUnder(path, "/f")) {
            return new Limit(forms, "forms", "/f/**");
        }
        if (RequestPaths.isUnder(path, "/t")) {
            return new Limit(links, "links", "/t/**");
        }
        if (RequestPaths.isUnder(path, "/dashboard/simulations")) {
            return new Limit(api, "api", "/dashboard/simulations, which takes the body of POST /api/simulations");
        }
        if (RequestPaths.isUnder(path, "/dashboard")) {
            return new Limit(dashboard, "dashboard", "/dashboard/**");
        }
        return new Limit(other, "other", "this path");
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** One family's limit, with the property that sets it. */
    record Limit(DataSize size, String property, String family) {

        long bytes() {
            return size.toBytes();
        }

        String describe() {
            return "the " + size.toKilobytes() + " KB limit of " + family + " (nurture.limits.request-body."
                    + property + ")";
        }
    }
}

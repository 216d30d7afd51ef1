package io.nurture.segment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.stereotype.Component;

import io.nurture.source.Source;
import io.nurture.source.WriteKeys;

/**
 * Which source sends: the write key as Segment's libraries give it, the HTTP Basic user name (the password is not
 * looked at) or a {@code writeKey} in the body. A key authenticates a source only, never a user: a user's name and
 * password are no write key.
 */
@Component
class WriteKeyAuthentication {

    private final WriteKeys writeKeys;

    WriteKeyAuthentication(WriteKeys writeKeys) {
        this.writeKeys = writeKeys;
    }

    /** The key of an HTTP Basic {@code Authorization} header; null when there is no such header. */
    static String keyOfHeader(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
    }

    /** The key's source, if the request's {@code Origin} (null from a server) is one of its pages'. */
    Source sourceOf(String writeKey, String origin) {
        Source source = writeKeys.sourceOf(writeKey).orElseThrow(TrackingRefusal::noWriteKey);
        if (!source.allowsOrigin(origin)) {
            throw TrackingRefusal.originNotAllowed(origin);
        }
        return source;
    }
}

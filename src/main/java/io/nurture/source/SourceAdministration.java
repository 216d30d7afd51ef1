package io.nurture.source;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nurture.source.StoredSources.KeyInfo;
import io.nurture.web.InvalidInputException;

/** What an admin does with sources under {@code /api/sources}: create one with a key, add keys, revoke, list. */
@Service
class SourceAdministration {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f-]{1,36}");

    private final ConfiguredSources configured;
    private final StoredSources stored;

    SourceAdministration(ConfiguredSources configured, StoredSources stored) {
        this.configured = configured;
        this.stored = stored;
    }

    /** The key is in the answer, and nowhere else ever again. */
    record CreatedKey(String name, String writeKey, String keyId, List<String> allowedOrigins, Instant createdAt) {
    }

    record SourceView(String name, boolean configured, List<String> allowedOrigins, Instant createdAt,
            String createdBy, List<KeyInfo> keys) {
    }

    @Transactional
    CreatedKey create(SourceRequest request, String user) {
        String name = SourceRules.name(request.name(), "name");
        List<String> origins = SourceRules.origins(request.allowedOrigins());
        refuseConfigured(name);
        if (stored.exists(name)) {
            throw alreadyStored(name);
        }
        Instant now = now();
        try {
            stored.insert(name, origins, user, now);
        } catch (DuplicateKeyException createdMeanwhile) {
            throw alreadyStored(name);
        }
        return newKey(name, origins, user, now);
    }

    @Transactional
    CreatedKey addKey(String name, String user) {
        SourceRules.name(name, "name");
        refuseConfigured(name);
        List<String> origins = stored.originsOf(name)
                .orElseThrow(() -> new SourceNotFoundException("There is no source '" + name + "'"));
        return newKey(name, origins, user, now());
    }

    /** Revoking a revoked key again changes nothing: the first revocation's time and admin stay. */
    void revoke(String name, String keyId, String user) {
        SourceRules.name(name, "name");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new InvalidInputException("keyId must be a key id as GET /api/sources lists it");
        }
        if (!stored.revoke(name, keyId, user, now())) {
            throw new SourceNotFoundException("Source '" + name + "' has no key " + keyId);
        }
    }

    List<SourceView> list() {
        List<SourceView> all = new ArrayList<>();
        configured.all().forEach((name, source) -> all.add(
                new SourceView(name, true, source.allowedOrigins(), null, null, List.of())));
        stored.all().forEach(source -> all.add(new SourceView(source.name(), false, source.allowedOrigins(),
                source.createdAt(), source.createdBy(), source.keys())));
        return all;
    }

    private CreatedKey newKey(String name, List<String> origins, String user, Instant now) {
        NewWriteKey key = NewWriteKey.generate();
        stored.insertKey(name, key, user, now);
        return new CreatedKey(name, key.key(), key.keyId(), origins, now);
    }

    private void refuseConfigured(String name) {
        if (configured.has(name)) {
            throw new SourceConflictException("Source '" + name + "' is set by configuration (nurture.sources."
                    + name + ".write-key); its key is changed there, and the name cannot be taken here");
        }
    }

    private static SourceConflictException alreadyStored(String name) {
        return new SourceConflictException("Source '" + name + "' exists; a further key for it is made with POST "
                + "/api/sources/" + name + "/keys");
    }

    /** To the millisecond, as every database keeps it, so the time answered is the time listed. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}

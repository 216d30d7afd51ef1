package io.nurture.source;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.security.ApiAuthenticationFilter;
import io.nurture.source.SourceAdministration.CreatedKey;
import io.nurture.source.SourceAdministration.SourceView;

/** Sources and their write keys, for admins (security.ApiAccessRules). */
@RestController
class SourceController {

    private final SourceAdministration sources;

    SourceController(SourceAdministration sources) {
        this.sources = sources;
    }

    @PostMapping("/api/sources")
    ResponseEntity<CreatedKey> create(@RequestBody SourceRequest source,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        return created(sources.create(source, user));
    }

    @PostMapping("/api/sources/{name}/keys")
    ResponseEntity<CreatedKey> addKey(@PathVariable String name,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        return created(sources.addKey(name, user));
    }

    @GetMapping("/api/sources")
    List<SourceView> list() {
        return sources.list();
    }

    @DeleteMapping("/api/sources/{name}/keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String name, @PathVariable String keyId,
            @RequestAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE) String user) {
        sources.revoke(name, keyId, user);
    }

    /** A secret in the answer: no cache along the way may keep it. */
    private static ResponseEntity<CreatedKey> created(CreatedKey key) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(key);
    }
}

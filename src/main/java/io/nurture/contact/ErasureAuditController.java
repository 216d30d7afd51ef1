package io.nurture.contact;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.contact.ErasureAudit.Erasure;

/** Lets an auditor confirm that a given contact id was erased, when and by whom. */
@RestController
class ErasureAuditController {

    private final ErasureAudit audit;

    ErasureAuditController(ErasureAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/erasures")
    List<Erasure> erasuresOf(@RequestParam String contactId) {
        return audit.of(contactId);
    }
}

package io.nurture.scoring;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.nurture.contact.ContactRepository;

/** Why a contact has the score it has: every behaviour, fit, decay and penalty change, oldest first. */
@RestController
class ScoreHistoryController {

    private final ContactRepository contacts;
    private final Scores scores;

    ScoreHistoryController(ContactRepository contacts, Scores scores) {
        this.contacts = contacts;
        this.scores = scores;
    }

    @GetMapping("/api/contacts/{id}/score-history")
    List<ScoreChange> history(@PathVariable String id) {
        contacts.getById(id);
        return scores.history(id);
    }
}

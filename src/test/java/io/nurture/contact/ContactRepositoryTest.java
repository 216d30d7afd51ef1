package io.nurture.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import io.nurture.TablesTest;

/** The {@code contact} table through its one writer, on the migrated schema. */
@TablesTest
class ContactRepositoryTest {

    @Autowired
    ContactRepository contacts;

    @Test
    void anEmailIsStoredTrimmedInLowerCaseAndFoundWhateverItsCase() {
        String email = unique("Ada");
        String id = contacts.create("  " + email.toUpperCase() + " ", LifecycleStage.of("LEAD"), ContactProfile.EMPTY)
                .id();

        Contact contact = contacts.getById(id);
        assertThat(contact.email()).isEqualTo(email.toLowerCase());
        assertThat(contact.lifecycleStage()).isEqualTo(LifecycleStage.of("LEAD"));
        assertThat(contact.lastEngagedAt()).isNotNull();
        assertThat(contacts.findByEmail(email.toUpperCase())).map(Contact::id).contains(id);
        assertThat(contacts.lockByEmail(" " + email.toUpperCase())).map(Contact::id).contains(id);
        assertThat(contacts.lockByEmail(unique("nobody"))).isEmpty();
    }

    @Test
    void theTableHoldsOneContactPerEmailWhateverItsCase() {
        String email = unique("case");
        contacts.create(email, LifecycleStage.of("LEAD"), ContactProfile.EMPTY);

        assertThatThrownBy(() -> contacts.create(email.toUpperCase(), LifecycleStage.of("VISITOR"),
                ContactProfile.EMPTY))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void contactsMadeInBulkAreFoundInBulkByTheirEmailsNormalised() {
        String ada = unique("bulk-ada");
        String bob = unique("bulk-bob");
        ContactProfile profile = new ContactProfile("Ada", null, "Acme", null, 50, "DE", "import", null, false, null);

        List<String> ids = contacts.createAll(List.of(
                new ContactRepository.NewContact(" " + ada.toUpperCase(), LifecycleStage.of("LEAD"), profile),
                new ContactRepository.NewContact(bob, LifecycleStage.of("LEAD"), ContactProfile.EMPTY)));

        Map<String, Contact> locked = contacts.lockByEmails(List.of(ada.toUpperCase(), bob, unique("nobody")));
        assertThat(locked).containsOnlyKeys(ada.toLowerCase(), bob.toLowerCase());
        Contact first = locked.get(ada.toLowerCase());
        assertThat(first.id()).isEqualTo(ids.get(0));
        assertThat(first.company()).isEqualTo("Acme");
        assertThat(first.consentEmail()).isFalse();
        assertThat(ContactRepository.wouldChange(first, profile)).isFalse();
        assertThat(ContactRepository.wouldChange(first, new ContactProfile("Eve", null, null, null, null, null, null,
                null, null, null))).isTrue();
        assertThat(contacts.findByEmails(List.of(bob))).containsOnlyKeys(bob.toLowerCase());
        assertThatThrownBy(() -> contacts.createAll(List.of(new ContactRepository.NewContact(bob.toUpperCase(),
                LifecycleStage.of("LEAD"), ContactProfile.EMPTY)))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void anAnonymousIdBelongsToOneContact() {
        String visitor = contacts.create(null, LifecycleStage.of("VISITOR"), ContactProfile.EMPTY).id();
        String other = contacts.create(null, LifecycleStage.of("VISITOR"), ContactProfile.EMPTY).id();
        String anonymousId = "anon-" + UUID.randomUUID();
        contacts.linkAnonymousId(visitor, anonymousId);

        assertThat(contacts.findByAnonymousId(anonymousId)).map(Contact::id).contains(visitor);
        assertThatThrownBy(() -> contacts.linkAnonymousId(other, anonymousId))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aNewContactIsStoredWithItsProfileAndAnsweredAsStored() {
        Contact created = contacts.create(" " + unique("created").toUpperCase(), LifecycleStage.of("LEAD"),
                new ContactProfile("Ada", "Lovelace", "Acme", "software", 250, "DE", "webinar", "+4930123", true,
                        false, 5_000_000L, "postgres,aws", "seed"));

        assertThat(contacts.getById(created.id())).isEqualTo(created);
        assertThat(created.source()).isEqualTo("webinar");
        assertThat(created.email()).isEqualTo(created.email().strip().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void aProfileUpdateFillsWhatItKnowsAndKeepsTheFirstSource() {
        String id = contacts.create(unique("profile"), LifecycleStage.of("LEAD"), ContactProfile.EMPTY).id();
        contacts.updateProfile(id, new ContactProfile("Ada", null, "Acme", "software", 250, "DE", "whitepaper", null,
                true, null, null, null, null));

        contacts.updateProfile(id, new ContactProfile(null, "Lovelace", null, null, null, null, "webinar", null, null,
                false, 5_000_000L, "postgres,aws", "seed"));

        Contact contact = contacts.getById(id);
        assertThat(contact.fullName()).isEqualTo("Ada Lovelace");
        assertThat(contact.label()).isEqualTo("Ada Lovelace (Acme)");
        assertThat(contact.companySize()).isEqualTo(250);
        assertThat(contact.source()).isEqualTo("whitepaper");
        assertThat(contact.consentEmail()).isTrue();
        assertThat(contact.consentSms()).isFalse();
        assertThat(contact.revenue()).isEqualTo(5_000_000L);
        assertThat(contact.techStack()).isEqualTo("postgres,aws");
    }

    @Test
    void anEngagementAddsItsPointsAndOnlyMovesTheEngagementForward() {
        String id = contacts.create(unique("engaged"), LifecycleStage.of("LEAD"), ContactProfile.EMPTY).id();
        Instant later = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        ScoreUpdate first = contacts.addEngagement(contacts.lockById(id), 5, later);

        ScoreUpdate second = contacts.addEngagement(contacts.lockById(id), 3, later.minusSeconds(7200));

        Contact contact = contacts.getById(id);
        assertThat(contact.lastEngagedAt()).isEqualTo(later);
        assertThat(contact.behaviourScore()).isEqualTo(8);
        assertThat(first.applied()).isEqualTo(5);
        assertThat(second.applied()).isEqualTo(3);
        assertThat(second.scoreAfter()).isEqualTo(8 + contact.fitScore());
    }

    @Test
    void anEngagementNeverTakesTheBehaviourScoreBelowZero() {
        String id = contacts.create(unique("floored"), LifecycleStage.of("LEAD"), ContactProfile.EMPTY).id();
        contacts.addEngagement(contacts.lockById(id), 4, Instant.now());

        ScoreUpdate update = contacts.addEngagement(contacts.lockById(id), -10, Instant.now());

        assertThat(update.applied()).isEqualTo(-4);
        assertThat(contacts.getById(id).behaviourScore()).isZero();
    }

    @Test
    void anUnsubscribeTakesTheEmailConsentAndAResubscribeGivesItBack() {
        String id = contacts.create(unique("consent"), LifecycleStage.of("LEAD"), ContactProfile.EMPTY).id();

        contacts.markUnsubscribed(id);
        assertThat(contacts.getById(id).unsubscribed()).isTrue();
        assertThat(contacts.getById(id).consentEmail()).isFalse();

        contacts.markResubscribed(id);
        assertThat(contacts.getById(id).unsubscribed()).isFalse();
        assertThat(contacts.getById(id).consentEmail()).isTrue();
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(contacts.findById("no-such-contact")).isEmpty();
        assertThatThrownBy(() -> contacts.getById("no-such-contact")).isInstanceOf(ContactNotFoundException.class)
                .hasMessageContaining("no-such-contact");
        assertThatThrownBy(() -> contacts.lockById("no-such-contact")).isInstanceOf(ContactNotFoundException.class);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}

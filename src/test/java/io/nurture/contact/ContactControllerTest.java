package io.nurture.contact;

import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.nurture.security.ApiUsers;
import io.nurture.web.ApiWebTest;

/**
 * {@code /api/contacts} in a web slice: the contact's JSON, and the 4xx problems for what is not there or not asked
 * right. Found, erased and merged contacts in the real tables are {@code ContactErasureIT}'s and the lifecycle suite's.
 */
@ApiWebTest(ContactController.class)
class ContactControllerTest {

    private static final RequestPostProcessor MARKETER = ApiUsers.user("marketer", "marketing");
    private static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ContactRepository contacts;

    @MockitoBean
    ContactErasure erasure;

    @Test
    void aContactIsItsFieldsScoreAndConsent() throws Exception {
        when(contacts.getById("c-1")).thenReturn(new Contact("c-1", "ada@example.com", "Ada", "Lovelace", "Acme",
                "software", 250, "DE", "whitepaper", null, true, false, LifecycleStage.of("MQL"), 40, 35, false, false,
                null, CREATED, CREATED));

        mvc.perform(get("/api/contacts/c-1").with(MARKETER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("c-1"))
                .andExpect(jsonPath("$.email").value("ada@example.com"))
                .andExpect(jsonPath("$.lifecycleStage").value("MQL"))
                .andExpect(jsonPath("$.behaviourScore").value(40))
                .andExpect(jsonPath("$.fitScore").value(35))
                .andExpect(jsonPath("$.score").value(75))
                .andExpect(jsonPath("$.consent.email").value(true))
                .andExpect(jsonPath("$.consent.sms").value(false))
                .andExpect(jsonPath("$.phone").doesNotExist())
                .andExpect(jsonPath("$.facets").doesNotExist());
    }

    @Test
    void anUnknownContactIsA404ProblemNamingIt() throws Exception {
        when(contacts.getById("no-such-contact")).thenThrow(new ContactNotFoundException("no-such-contact"));

        mvc.perform(get("/api/contacts/no-such-contact").with(MARKETER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("no-such-contact")));
    }

    @Test
    void theSearchNeedsAnEmail() throws Exception {
        mvc.perform(get("/api/contacts").with(MARKETER))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("email")));
        verifyNoInteractions(contacts);
    }

    @ParameterizedTest
    @ValueSource(strings = { "%20", "a%01b%40c.d" })
    void aBlankOrControlCharacterEmailIsA400(String email) throws Exception {
        mvc.perform(get(URI.create("/api/contacts?email=" + email)).with(MARKETER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("email must be")));
        verifyNoInteractions(contacts);
    }

    @Test
    void anOverLongEmailIsA400() throws Exception {
        mvc.perform(get("/api/contacts").param("email", "a".repeat(400)).with(MARKETER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("at most 320 characters")));
        verifyNoInteractions(contacts);
    }

    @Test
    void theSearchFindsNoneOrOne() throws Exception {
        when(contacts.findByEmail("nobody@example.com")).thenReturn(Optional.empty());

        mvc.perform(get("/api/contacts").param("email", "nobody@example.com").with(MARKETER))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }

    @Test
    void anErasureIsDoneAsTheCaller() throws Exception {
        mvc.perform(delete("/api/contacts/c-1").with(ApiUsers.user("privacy", "privacy")))
                .andExpect(status().isNoContent());

        verify(erasure).erase("c-1", "privacy");
    }

    @Test
    void erasingAnUnknownContactIsA404() throws Exception {
        doThrow(new ContactNotFoundException("gone")).when(erasure).erase("gone", "privacy");

        mvc.perform(delete("/api/contacts/gone").with(ApiUsers.user("privacy", "privacy")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("gone")));
    }
}

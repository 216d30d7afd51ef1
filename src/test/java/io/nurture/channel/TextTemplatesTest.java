package io.nurture.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TextTemplatesTest {

    private final TextTemplates texts = new TextTemplates();

    @Test
    void fillsPlaceholdersAndTidiesAMissingName() {
        assertThat(texts.render("Hi {{firstName}}, see {{ company }}!", Map.of("firstName", "Ada", "company", "Acme")))
                .isEqualTo("Hi Ada, see Acme!");
        assertThat(texts.render("Hi {{firstName}}, welcome!", Map.of("firstName", ""))).isEqualTo("Hi, welcome!");
        assertThat(texts.render("Costs $5 {{unknown}}", Map.of())).isEqualTo("Costs $5");
    }
}

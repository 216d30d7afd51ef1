package io.nurture.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nurture.web.InvalidInputException;

class UrlEncodedBodyTest {

    @Test
    void readsWhatBrowsersSend() {
        Map<String, List<Object>> values = UrlEncodedBody.parse(
                "email=zo%C3%AB%40example.com&firstName=Zo%C3%AB+Li&name=%E6%9D%8E&consent&empty=&&email=again",
                StandardCharsets.UTF_8);

        assertThat(values).containsOnlyKeys("email", "firstName", "name", "consent", "empty");
        assertThat(values.get("email")).containsExactly("zoë@example.com", "again");
        assertThat(values.get("firstName")).containsExactly("Zoë Li");
        assertThat(values.get("name")).containsExactly("李");
        assertThat(values.get("consent")).containsExactly("");
        assertThat(UrlEncodedBody.parse("firstName=Zo%EB", StandardCharsets.ISO_8859_1).get("firstName"))
                .containsExactly("Zoë");
        assertThat(UrlEncodedBody.parse("", StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void refusesWhatIsNotUrlEncodedText() {
        for (String body : List.of("a=%", "a=%4", "a=%G1", "a=%C3%28", "a=%FF", "a=zo\u00eb", "%ZZ=1")) {
            assertThatThrownBy(() -> UrlEncodedBody.parse(body, StandardCharsets.UTF_8)).as(body)
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("The form body is not");
        }
    }
}

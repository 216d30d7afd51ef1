package io.nurture.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nurture.web.InvalidInputException;

class PropertyKeysTest {

    @Test
    void namesWithSpacesBecomeLowerCamelCase() {
        assertThat(PropertyKeys.camelCase("Plan Name")).isEqualTo("planName");
        assertThat(PropertyKeys.camelCase("  plan   name ")).isEqualTo("planName");
        assertThat(PropertyKeys.camelCase("URL Path")).isEqualTo("urlPath");
        assertThat(PropertyKeys.camelCase("iOS version")).isEqualTo("iOSVersion");
    }

    @Test
    void otherNamesStayAsTheyAreForTheLimitsToJudge() {
        assertThat(PropertyKeys.camelCase("planName")).isEqualTo("planName");
        assertThat(PropertyKeys.camelCase("plan_name")).isEqualTo("plan_name");
        assertThat(PropertyKeys.camelCase("Größe Total")).isEqualTo("Größe Total");
        assertThat(PropertyKeys.camelCase("a\u0000b c")).isEqualTo("a\u0000b c");
    }

    @Test
    void nestedObjectsAndListsAreRenamedToo() {
        Map<String, Object> renamed = PropertyKeys.camelCased("properties",
                Map.of("Order Items", List.of(Map.of("Product Name", "Chair"))));

        assertThat(renamed).isEqualTo(Map.of("orderItems", List.of(Map.of("productName", "Chair"))));
    }

    @Test
    void twoNamesThatBecomeOneAreRefusedNamingBoth() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("planName", "pro");
        given.put("Plan Name", "basic");

        assertThatThrownBy(() -> PropertyKeys.camelCased("properties", given))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("properties.planName and properties.Plan Name are both properties.planName");
    }
}

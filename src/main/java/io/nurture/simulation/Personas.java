package io.nurture.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nurture.contact.Contact;
import io.nurture.contact.LifecycleStage;
import io.nurture.simulation.Persona.Engagement;

/**
 * The persona matrix a marketer starts from: high or low fit, engaged (opens every mail, clicks every second one,
 * two hours after it arrives) or silent (never reacts). A new lead each, at the start of the simulation.
 */
final class Personas {

    static final Engagement ENGAGED = new Engagement(1, 0.5, Duration.ofHours(2));

    private static final Map<String, Persona> PRESETS = new LinkedHashMap<>();

    static {
        add("high-fit-engaged", "High fit, engaged", "Ada", 50, ENGAGED);
        add("high-fit-silent", "High fit, silent", "Grace", 50, Engagement.SILENT);
        add("low-fit-engaged", "Low fit, engaged", "Linus", 10, ENGAGED);
        add("low-fit-silent", "Low fit, silent", "Ken", 10, Engagement.SILENT);
    }

    private Personas() {
    }

    static List<Persona> matrix() {
        return List.copyOf(PRESETS.values());
    }

    static Map<String, Persona> presets() {
        return PRESETS;
    }

    private static void add(String key, String name, String firstName, int fit, Engagement engagement) {
        PRESETS.put(key, new Persona(name, contact(key, firstName, fit), null, engagement, List.of(), null));
    }

    private static Contact contact(String key, String firstName, int fit) {
        boolean highFit = fit >= 50;
        return new Contact("simulated-" + key, key + "@example.test", firstName, "Example",
                highFit ? "Acme Software" : "Corner Shop", highFit ? "software" : "retail", highFit ? 250 : 3,
                highFit ? "DE" : "US", "website", "+4915100000000", null, Boolean.TRUE, LifecycleStage.LEAD, 0, fit,
                false, false, null, Instant.EPOCH, Instant.EPOCH);
    }
}

package io.nurture.simulation;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.nurture.contact.Contact;
import io.nurture.contact.LifecycleStage;
import io.nurture.event.EventType;
import io.nurture.lifecycle.Funnel;
import io.nurture.simulation.Persona.Act;
import io.nurture.simulation.Persona.Engagement;
import io.nurture.simulation.SimulationRequest.EngagementRequest;
import io.nurture.simulation.SimulationRequest.PersonaRequest;
import io.nurture.simulation.SimulationRequest.ProfileRequest;
import io.nurture.simulation.SimulationRequest.ScriptStep;

/** Holds a simulation request to the simulator's limits, naming the field that breaks one. */
@Component
class SimulationRequests {

    static final int MAX_DAYS = 365;
    static final int DEFAULT_DAYS = 90;
    static final int MAX_PERSONAS = 8;
    static final int MAX_SCRIPT = 100;
    static final int MAX_VARIABLES = 20;
    static final int MAX_TEXT = 200;
    /** Within the 64 KB body limit of /api/** ({@code nurture.limits.request-body.api}); shipped diagrams are 50 KB. */
    static final int MAX_BPMN = 60_000;
    static final Duration MAX_REACTION_DELAY = Duration.ofDays(30);

    private static final Pattern CAMPAIGN_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern STEP_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final Funnel funnel;

    SimulationRequests(Funnel funnel) {
        this.funnel = funnel;
    }

    SimulationPlan plan(SimulationRequest request) {
        if (request == null) {
            throw SimulationRefusal.invalid("body", "a simulation needs a campaign or a bpmn");
        }
        boolean deployed = request.campaign() != null;
        if (deployed == (request.bpmn() != null)) {
            throw SimulationRefusal.invalid("campaign", "give either campaign (a deployed key) or bpmn (a diagram)");
        }
        if (deployed && !CAMPAIGN_KEY.matcher(request.campaign()).matches()) {
            throw SimulationRefusal.invalid("campaign", "not a process key");
        }
        if (request.version() != null && (!deployed || request.version() < 1)) {
            throw SimulationRefusal.invalid("version", deployed ? "must be 1 or more" : "only with campaign");
        }
        if (!deployed && (request.bpmn().isBlank() || request.bpmn().length() > MAX_BPMN)) {
            throw SimulationRefusal.invalid("bpmn", "must be a diagram's XML of at most " + MAX_BPMN + " characters");
        }
        int days = request.days() == null ? DEFAULT_DAYS : request.days();
        if (days < 1 || days > MAX_DAYS) {
            throw SimulationRefusal.invalid("days", "must be between 1 and " + MAX_DAYS);
        }
        Instant start = request.startAt() == null ? nextMondayMorning() : request.startAt();
        List<Persona> personas = personas(request.personas(), days);
        return new SimulationPlan(request.campaign(), request.version(), request.bpmn(), start, days, personas,
                variables("variables", request.variables()));
    }

    private static Instant nextMondayMorning() {
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return monday.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    private List<Persona> personas(List<PersonaRequest> requests, int days) {
        if (requests == null || requests.isEmpty()) {
            return Personas.matrix();
        }
        if (requests.size() > MAX_PERSONAS) {
            throw SimulationRefusal.invalid("personas", "at most " + MAX_PERSONAS);
        }
        List<Persona> personas = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String field = "personas[" + i + "]";
            PersonaRequest request = requests.get(i);
            if (request == null) {
                throw SimulationRefusal.invalid(field, "must be an object");
            }
            personas.add(persona(field, request, days));
        }
        return personas;
    }

    private Persona persona(String field, PersonaRequest request, int days) {
        Persona base = null;
        if (request.preset() != null) {
            base = Personas.presets().get(request.preset());
            if (base == null) {
                throw SimulationRefusal.invalid(field + ".preset", "one of " + Personas.presets().keySet());
            }
        }
        String name = text(field + ".name", request.name());
        if (name == null) {
            name = base != null ? base.name() : "Persona " + field.replaceAll("\\D", "");
        }
        Contact contact = profile(field + ".profile", request.profile(),
                base != null ? base.profile() : Personas.matrix().get(0).profile(), name);
        String zone = request.profile() == null ? null
                : zone(field + ".profile.timeZone", request.profile().timeZone());
        Engagement engagement = request.engagement() != null ? engagement(field + ".engagement", request.engagement())
                : base != null ? base.engagement() : Engagement.SILENT;
        String variant = text(field + ".variant", request.variant());
        return new Persona(name, contact, zone, engagement, script(field + ".script", request.script(), days),
                variant);
    }

    private Contact profile(String field, ProfileRequest profile, Contact base, String name) {
        if (profile == null) {
            return base;
        }
        LifecycleStage stage = base.lifecycleStage();
        if (profile.stage() != null) {
            try {
                stage = funnel.parse(profile.stage());
            } catch (RuntimeException e) {
                throw SimulationRefusal.invalid(field + ".stage", "one of " + funnel.stages().stream()
                        .map(LifecycleStage::name).toList());
            }
        }
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return new Contact("simulated-" + slug, or(text(field + ".email", profile.email()), base.email()),
                or(text(field + ".firstName", profile.firstName()), base.firstName()),
                or(text(field + ".lastName", profile.lastName()), base.lastName()),
                or(text(field + ".company", profile.company()), base.company()),
                or(text(field + ".industry", profile.industry()), base.industry()), base.companySize(),
                or(text(field + ".country", profile.country()), base.country()),
                or(text(field + ".source", profile.source()), base.source()),
                or(text(field + ".phone", profile.phone()), base.phone()),
                profile.consentEmail() != null ? profile.consentEmail() : base.consentEmail(),
                profile.consentSms() != null ? profile.consentSms() : base.consentSms(), stage,
                score(field + ".behaviourScore", profile.behaviourScore(), base.behaviourScore()),
                score(field + ".fitScore", profile.fitScore(), base.fitScore()), false, false, null, Instant.EPOCH,
                Instant.EPOCH);
    }

    private static Engagement engagement(String field, EngagementRequest engagement) {
        double opens = share(field + ".opens", engagement.opens());
        double clicks = share(field + ".clicks", engagement.clicks());
        Duration after = Duration.ofHours(2);
        if (engagement.after() != null) {
            try {
                after = Duration.parse(engagement.after());
            } catch (DateTimeParseException e) {
                throw SimulationRefusal.invalid(field + ".after", "an ISO duration like PT2H");
            }
            if (after.isNegative() || after.compareTo(MAX_REACTION_DELAY) > 0) {
                throw SimulationRefusal.invalid(field + ".after", "between PT0S and P30D");
            }
        }
        return new Engagement(opens, clicks, after);
    }

    private static List<Act> script(String field, List<ScriptStep> steps, int days) {
        if (steps == null) {
            return List.of();
        }
        if (steps.size() > MAX_SCRIPT) {
            throw SimulationRefusal.invalid(field, "at most " + MAX_SCRIPT + " steps");
        }
        List<Act> acts = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String at = field + "[" + i + "]";
            ScriptStep step = steps.get(i);
            if (step == null) {
                throw SimulationRefusal.invalid(at, "must be an object");
            }
            if (step.day() == null || step.day().isNaN() || step.day() < 0 || step.day() > days) {
                throw SimulationRefusal.invalid(at + ".day", "must be between 0 and " + days);
            }
            if ((step.event() == null) == (step.complete() == null)) {
                throw SimulationRefusal.invalid(at, "give either event or complete");
            }
            String event = null;
            if (step.event() != null) {
                event = EventType.normalise(step.event()).map(EventType::wireName)
                        .orElseThrow(() -> SimulationRefusal.invalid(at + ".event", "not an event type"));
            }
            if (step.complete() != null && !STEP_ID.matcher(step.complete()).matches()) {
                throw SimulationRefusal.invalid(at + ".complete", "not a step id");
            }
            if (step.email() != null && (step.email() < 1 || step.email() > 1000)) {
                throw SimulationRefusal.invalid(at + ".email", "the number of an e-mail received, from 1");
            }
            acts.add(new Act(step.day(), event, step.email(), variables(at + ".properties", step.properties()),
                    step.complete(), variables(at + ".variables", step.variables())));
        }
        acts.sort(Comparator.comparingDouble(Act::day));
        return List.copyOf(acts);
    }

    /** Flat values only: strings, numbers, booleans; the engine keeps nothing else for a simulation. */
    private static Map<String, Object> variables(String field, Map<String, Object> values) {
        if (values == null) {
            return Map.of();
        }
        if (values.size() > MAX_VARIABLES) {
            throw SimulationRefusal.invalid(field, "at most " + MAX_VARIABLES + " entries");
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!VARIABLE_NAME.matcher(name).matches()) {
                throw SimulationRefusal.invalid(field, "'" + abbreviated(name) + "' is not a variable name");
            }
            boolean flat = value instanceof String text ? text.length() <= 1_000
                    : value instanceof Number || value instanceof Boolean;
            if (!flat) {
                throw SimulationRefusal.invalid(field + "." + name, "a string (up to 1000 characters), number or "
                        + "boolean");
            }
            checked.put(name, value);
        });
        return checked;
    }

    private static String text(String field, String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_TEXT)) {
            throw SimulationRefusal.invalid(field, "1 to " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static String zone(String field, String zone) {
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(text(field, zone)).getId();
        } catch (DateTimeException e) {
            throw SimulationRefusal.invalid(field, "a time zone like Europe/Berlin");
        }
    }

    private static int score(String field, Integer value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value < -10_000 || value > 10_000) {
            throw SimulationRefusal.invalid(field, "between -10000 and 10000");
        }
        return value;
    }

    private static double share(String field, Double value) {
        if (value == null) {
            return 0;
        }
        if (value.isNaN() || value < 0 || value > 1) {
            throw SimulationRefusal.invalid(field, "between 0 and 1");
        }
        return value;
    }

    private static String or(String value, String otherwise) {
        return value != null ? value : otherwise;
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}

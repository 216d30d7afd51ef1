package io.nurture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One owner per table: every table the migrations create belongs to one module, and only that module's classes
 * write it (INSERT, UPDATE, DELETE, MERGE in their SQL). The others read it, or ask the owner through its API or an
 * event. The Flyway migrations are the schema's, not a module's.
 */
class TableOwnershipTests {

    private static final Map<String, Set<String>> OWNED_TABLES = Map.ofEntries(
            Map.entry("contact", Set.of("contact", "contact_anonymous_id", "contact_user_id", "contact_merged_id",
                    "contact_property", "erasure_audit")),
            Map.entry("event", Set.of("contact_event", "contact_event_daily")),
            Map.entry("scoring", Set.of("score_history")),
            Map.entry("lifecycle", Set.of("stage_transition")),
            Map.entry("channel", Set.of("delivery", "contact_suppression", "suppressed_address", "contact_time_zone",
                    "notification")),
            Map.entry("campaign", Set.of("ab_assignment", "contact_date", "date_trigger_fired")),
            Map.entry("handoff", Set.of("deal")),
            Map.entry("reporting", Set.of("delivery_report", "send_daily", "split_send_totals")),
            Map.entry("source", Set.of("source", "source_origin", "source_write_key")),
            Map.entry("retention", Set.of("retention_lease")),
            Map.entry("suspension", Set.of("campaign_suspension", "held_start", "held_message")),
            Map.entry("audience", Set.of("segment", "segment_member", "segment_membership_history",
                    "segment_size_daily")),
            Map.entry("lists", Set.of("contact_list", "contact_list_member")),
            Map.entry("enrolment", Set.of("audience_enrolment", "audience_enrolment_member")),
            Map.entry("imports", Set.of("contact_import", "contact_import_part", "contact_import_error")));

    private static final Path SOURCES = Path.of("src/main/java/io/nurture");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** SQL (upper case, as all of Nurture's) that starts a string or a text block and writes a table. */
    private static final Pattern WRITE = Pattern.compile(
            "\"(?:\"\")?\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+(\\w+|\"\\s*\\+)");
    private static final Pattern CREATE = Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyTableTheMigrationsCreateHasOneOwner() {
        Set<String> owned = OWNED_TABLES.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Set<String> created = new TreeSet<>();
        files(MIGRATIONS, ".sql").forEach(file -> matches(CREATE, read(file)).forEach(created::add));
        assertThat(created).isNotEmpty();
        assertThat(owned).as("tables with an owner").containsAll(created);
        assertThat(created).as("tables the migrations create").containsAll(owned);
    }

    @Test
    void onlyTheOwnerWritesATable() {
        List<String> strangers = new ArrayList<>();
        files(SOURCES, ".java").filter(file -> !file.getFileName().toString().matches("V\\d+(_\\d+)*__.*"))
                .forEach(file -> {
                    String module = SOURCES.relativize(file).getName(0).toString();
                    for (String table : matches(WRITE, read(file))) {
                        if (table.startsWith("\"")) {
                            strangers.add(file + " writes a table whose name it builds at run time");
                        } else if (!OWNED_TABLES.getOrDefault(module, Set.of()).contains(table)) {
                            strangers.add(file + " (module " + module + ") writes " + table + ", owned by "
                                    + ownerOf(table));
                        }
                    }
                });
        assertThat(strangers).isEmpty();
    }

    private static String ownerOf(String table) {
        return OWNED_TABLES.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey)
                .findFirst().orElse("no module");
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return found;
    }

    private static Stream<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(suffix)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

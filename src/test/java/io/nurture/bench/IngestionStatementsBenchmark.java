package io.nurture.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.nurture.contact.ContactProfile;
import io.nurture.event.EventType;
import io.nurture.ingestion.EventIngestionService;
import io.nurture.ingestion.EventIngestionService.IncomingEvent;

/**
 * What one event costs the service itself, called on one thread without HTTP: the SQL statements, counted through a
 * counting {@link DataSource} (all of them, and the reads and writes of {@code contact}), and the thread's CPU time,
 * which other work on a shared machine hardly changes. The job executor is off, so the engine's background work is not
 * counted. Prints the averages per scenario on a new H2 file; asserts nothing. Run with
 * {@code ./mvnw verify -Pbench -Dit.test=IngestionStatementsBenchmark}; {@code -Dbench.statements.list=true} lists
 * each statement with how often an event runs it.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "nurture.inbox.smtp-port=0", "nurture.demo.enabled=false",
        "camunda.bpm.job-execution.enabled=false" })
class IngestionStatementsBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 300);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern CONTACT_TABLE = Pattern.compile("\\bcontact\\b", Pattern.CASE_INSENSITIVE);
    private static final ThreadLocal<Counts> COUNTING = new ThreadLocal<>();
    private static final boolean LIST_STATEMENTS = Boolean.getBoolean("bench.statements.list");
    private static final boolean TRACE_STATEMENTS = Boolean.getBoolean("bench.statements.trace");

    @Autowired
    EventIngestionService ingestion;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./target/bench/statements-"
                + System.currentTimeMillis() + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void statementsPerEvent() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        IntConsumer newLead = i -> ingestion.ingest(event(null, EventType.FORM_SUBMITTED, run + "-" + i,
                new ContactProfile("Bench", null, null, null, null, null, null, null, null, null)), "demo");
        IntConsumer pageView = i -> ingestion.ingest(event(null, EventType.PAGE_VIEW, run + "-" + i,
                ContactProfile.EMPTY), "demo");
        IntConsumer duplicate = i -> ingestion.ingest(event("dup-" + run, EventType.PAGE_VIEW, run + "-0",
                ContactProfile.EMPTY), "demo");
        for (int i = 0; i < EVENTS; i++) { // warm-up: the engine caches its definitions, the JIT compiles
            ingestion.ingest(event(null, EventType.FORM_SUBMITTED, "warm-" + run + "-" + i, ContactProfile.EMPTY),
                    "demo");
            ingestion.ingest(event(null, EventType.PAGE_VIEW, "warm-" + run + "-" + i, ContactProfile.EMPTY), "demo");
        }
        duplicate.accept(0); // stored once, then counted as a duplicate
        System.out.println();
        System.out.printf(Locale.ROOT, "Per event, average of %d, one thread, no HTTP%n", EVENTS);
        System.out.printf(Locale.ROOT, "%-34s %11s %14s %15s %11s%n", "scenario", "statements", "contact reads",
                "contact writes", "cpu ms");
        print("new lead (form_submitted)", count(newLead));
        print("known contact (page_view)", count(pageView));
        print("duplicate eventId", count(duplicate));
    }

    private static IncomingEvent event(String eventId, EventType type, String who, ContactProfile profile) {
        return new IncomingEvent(eventId, type, "stmt-" + who + "@example.com", null, null, Instant.now(), profile,
                Map.of());
    }

    private static Counts count(IntConsumer scenario) {
        Counts counts = new Counts();
        COUNTING.set(counts);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        try {
            for (int i = 0; i < EVENTS; i++) {
                scenario.accept(i);
            }
        } finally {
            counts.cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
            COUNTING.remove();
        }
        if (TRACE_STATEMENTS) { // one more event, each statement in order with the Nurture frames that ran it
            Counts traced = new Counts();
            traced.trace = true;
            COUNTING.set(traced);
            try {
                scenario.accept(EVENTS);
            } finally {
                COUNTING.remove();
            }
        }
        return counts;
    }

    private static void print(String scenario, Counts counts) {
        System.out.printf(Locale.ROOT, "%-34s %11.1f %14.1f %15.1f %11.2f%n", scenario, counts.all / (double) EVENTS,
                counts.contactReads / (double) EVENTS, counts.contactWrites / (double) EVENTS,
                counts.cpuNanos / 1e6 / EVENTS);
        if (LIST_STATEMENTS) {
            counts.bySql.forEach((sql, count) -> System.out.printf(Locale.ROOT, "    %5.2f  %s%n",
                    count / (double) EVENTS, sql));
        }
    }

    private static final class Counts {
        long all;
        long contactReads;
        long contactWrites;
        long cpuNanos;
        final Map<String, Integer> bySql = new LinkedHashMap<>();

        boolean trace;

        void add(String sql) {
            all++;
            if (trace) {
                String oneLine = String.valueOf(sql).replaceAll("\\s+", " ").strip();
                System.out.println("  TRACE " + (oneLine.length() > 110 ? oneLine.substring(0, 110) : oneLine));
                StackWalker.getInstance().walk(frames -> frames.filter(f -> f.getClassName().startsWith("io.nurture")
                        && !f.getClassName().contains(".bench.")).limit(4).toList()).forEach(f -> System.out.println(
                                "        at " + f.getClassName().replace("io.nurture.", "") + "." + f.getMethodName()
                                        + ":" + f.getLineNumber()));
            }
            if (LIST_STATEMENTS) {
                String oneLine = String.valueOf(sql).replaceAll("\\s+", " ").strip();
                bySql.merge(oneLine.length() > 150 ? oneLine.substring(0, 150) + "…" : oneLine, 1, Integer::sum);
            }
            if (sql != null && CONTACT_TABLE.matcher(sql).find()) {
                if (sql.stripLeading().regionMatches(true, 0, "SELECT", 0, 6)) {
                    contactReads++;
                } else {
                    contactWrites++;
                }
            }
        }
    }

    @TestConfiguration
    static class CountingDataSource {

        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? proxy(DataSource.class, dataSource, null) : bean;
                }
            };
        }

        private static <T> T proxy(Class<T> type, Object target, String sql) {
            InvocationHandler handler = (self, method, args) -> {
                Object result = invoke(method, target, args);
                String name = method.getName();
                if (result instanceof Connection connection) {
                    return proxy(Connection.class, connection, null);
                }
                if (result instanceof Statement statement) {
                    String prepared = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                    Class<? extends Statement> kind = statement instanceof java.sql.CallableStatement
                            ? java.sql.CallableStatement.class : statement instanceof java.sql.PreparedStatement
                                    ? java.sql.PreparedStatement.class : Statement.class;
                    return proxy(kind, statement, prepared);
                }
                Counts counts = COUNTING.get();
                if (counts != null && target instanceof Statement && (name.startsWith("execute")
                        && !name.equals("executeBatch") || name.equals("addBatch"))) {
                    counts.add(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
                }
                return result;
            };
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
        }

        private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

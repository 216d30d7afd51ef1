package io.nurture.security;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The beans a diagram's expressions may name: every delegate and listener ({@code ${sendEmail}}) and the few helpers
 * the diagrams call ({@code ${funnel.stageFor('customer')}}), nothing else: no {@code jdbcTemplate}, no
 * {@code dataSource}, none of the engine's services. Names are fixed when the engine is built; a bean is looked up
 * only when an expression names it, because delegates need the engine that is being built.
 */
final class ExpressionBeans extends AbstractMap<Object, Object> {

    /** Beans other than delegates and listeners that the diagrams in processes/ name. */
    static final Set<String> HELPERS = Set.of("funnel");

    private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, ExecutionListener.class,
            TaskListener.class);

    private final ListableBeanFactory beans;
    private final Set<String> names;

    private ExpressionBeans(ListableBeanFactory beans, Set<String> names) {
        this.beans = beans;
        this.names = Collections.unmodifiableSet(names);
    }

    static ExpressionBeans of(ListableBeanFactory beans) {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : DELEGATE_TYPES) {
            // no eager initialisation: this runs while the process engine itself is being created
            names.addAll(List.of(beans.getBeanNamesForType(type, true, false)));
        }
        for (String helper : HELPERS) {
            if (beans.containsBean(helper)) {
                names.add(helper);
            }
        }
        return new ExpressionBeans(beans, names);
    }

    @Override
    public boolean containsKey(Object name) {
        return names.contains(name);
    }

    @Override
    public Object get(Object name) {
        return names.contains(name) ? beans.getBean((String) name) : null;
    }

    @Override
    public Set<Object> keySet() {
        return Collections.<Object>unmodifiableSet(names);
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names.stream().map(name -> new SimpleImmutableEntry<Object, Object>(name, beans.getBean(name)))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return names.toString();
    }
}

package io.nurture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the test classes that share an application context one after the other, each group where its first class
 * would have run, so that {@link OneContextAtATime} starts each shared context once. Classes without Spring keep their
 * place.
 */
public class SameContextsTogether implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<Object> groups = new ArrayList<>();
        for (ClassDescriptor descriptor : context.getClassDescriptors()) {
            Object group = group(descriptor);
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        context.getClassDescriptors().sort(Comparator.comparingInt(descriptor -> groups.indexOf(group(descriptor))));
    }

    private static Object group(ClassDescriptor descriptor) {
        Class<?> testClass = descriptor.getTestClass();
        return SpringTestClasses.configuration(testClass).<Object>map(configuration -> configuration).orElse(testClass);
    }
}

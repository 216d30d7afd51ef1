package io.nurture.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body whose unknown fields are a 400 rather than ignored (Spring Boot's default), because a typo there
 * ({@code occured_at}, {@code propertes}) would silently lose what the sender meant.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RefuseUnknownFields {
}

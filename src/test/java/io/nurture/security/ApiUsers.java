package io.nurture.security;

import java.util.Set;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** For web slices: a request as {@link ApiAuthenticationFilter} hands it on once the user's password checked out. */
public final class ApiUsers {

    private ApiUsers() {
    }

    public static RequestPostProcessor user(String user, String... groups) {
        return request -> {
            request.setAttribute(ApiAuthenticationFilter.USER_ATTRIBUTE, user);
            request.setAttribute(ApiAuthenticationFilter.GROUPS_ATTRIBUTE, Set.of(groups));
            return request;
        };
    }
}

package io.nurture.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of Segment message, by the {@code type} a batch names them with. */
enum CallType {
    IDENTIFY, TRACK, PAGE, SCREEN, GROUP, ALIAS;

    static Optional<CallType> of(String type) {
        return Arrays.stream(values()).filter(call -> call.name().toLowerCase(Locale.ROOT).equals(type)).findFirst();
    }

    static String names() {
        return "identify, track, page, screen, group, alias";
    }
}

package io.nurture.simulation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing the simulated contact lives. {@code kind}: {@code start}, {@code send}, {@code skip} (the policy would
 * not send it), {@code delay} (it would wait: frequency cap, quiet hours), {@code wait} (a timer, due {@code until}),
 * {@code decision} (a gateway's branch and why), {@code behaviour} (a scripted event), {@code score}, {@code stage},
 * {@code task} (a user task for a team), {@code step} (a step that changes nothing the simulator follows),
 * {@code incident} (a step that would fail) and {@code exit}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant at, double day, String kind, String step, String stepName, String channel,
        String subject, String text, Instant until, String detail) {

    static TimelineEntry of(Instant start, Instant at, String kind, String step, String stepName, String detail) {
        return new TimelineEntry(at, dayOf(start, at), kind, step, stepName, null, null, null, null, detail);
    }

    TimelineEntry until(Instant due) {
        return new TimelineEntry(at, day, kind, step, stepName, channel, subject, text, due, detail);
    }

    TimelineEntry message(String channelName, String subjectLine, String body) {
        return new TimelineEntry(at, day, kind, step, stepName, channelName, subjectLine, body, until, detail);
    }

    /** Days since the start, to the hundredth: 2.5 is noon on day 2 for a start at midnight. */
    static double dayOf(Instant start, Instant at) {
        return Math.round((at.toEpochMilli() - start.toEpochMilli()) / 864_000.0) / 100.0;
    }
}

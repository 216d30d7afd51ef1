package io.nurture.source;

/** The demo source's key in application.yaml, shown in the README's examples: known to all, so never in prod. */
final class DemoWriteKey {

    static final String VALUE = "demo-website-write-key";

    private DemoWriteKey() {
    }
}

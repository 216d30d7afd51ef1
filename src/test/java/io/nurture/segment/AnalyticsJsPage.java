package io.nurture.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.nurture.reporting.Browser;

/**
 * A page of the {@link LocalSite} that loads analytics.js from the site itself and makes calls with it, one after
 * the other, as a site's own script would. The settings that analytics.js would fetch from Segment's CDN are given
 * inline ({@code cdnSettings}): only the Segment.io destination, pointed at {@code apiHost} over plain HTTP, and no
 * metrics to Segment. When all calls are done, the page shows a JSON result in {@code #result}:
 * {@code {"anonymousId", "userId", "calls": [{"call", "messageId", "failed"}], "resources": [every URL it fetched]}},
 * or {@code {"error"}}.
 */
final class AnalyticsJsPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String writeKey;
    private final String apiHost;
    private final List<Map<String, Object>> calls = new ArrayList<>();

    private AnalyticsJsPage(String writeKey, String apiHost) {
        this.writeKey = writeKey;
        this.apiHost = apiHost;
    }

    /** {@code apiHost} as analytics.js takes it: {@code 127.0.0.1:8080/v1}; it posts to {@code <apiHost>/p} etc. */
    static AnalyticsJsPage sendingTo(String apiHost, String writeKey) {
        SegmentClients.requireInstalled();
        return new AnalyticsJsPage(writeKey, apiHost);
    }

    /** {@code analytics.<method>(...args)}, e.g. {@code call("track", "Trial Started", Map.of("plan", "pro"))}. */
    AnalyticsJsPage call(String method, Object... args) {
        calls.add(Map.of("call", method, "args", List.of(args)));
        return this;
    }

    /** Serves the page at {@code path} on the site, opens it and answers its result once all calls are done. */
    JsonNode open(LocalSite site, String path, Browser browser) {
        String url = site.addPage(path, html(site.origin()));
        browser.driver.get(url);
        browser.waiting().until(driver -> !driver.findElement(By.id("result")).getText().isEmpty());
        try {
            return JSON.readTree(browser.driver.findElement(By.id("result")).getText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String html(String origin) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Pricing - Example Site</title>
                <link rel="icon" href="data:,">
                <script>
                  // analytics.js loads its chunks from <_cdn>/analytics-next/bundles/: this site, not Segment's CDN
                  window.analytics = { _cdn: %1$s };
                </script>
                <script src="%2$sindex.js"></script>
                </head>
                <body>
                <h1>Pricing</h1>
                <pre id="result"></pre>
                <script>
                  const writeKey = %3$s;
                  const calls = %4$s;
                  const analytics = AnalyticsNext.AnalyticsBrowser.load({
                    writeKey,
                    cdnURL: %1$s,
                    cdnSettings: {
                      integrations: { 'Segment.io': { apiKey: writeKey, apiHost: %5$s, protocol: 'http' } },
                      metrics: { sampleRate: 0 }
                    }
                  });
                  (async () => {
                    const done = [];
                    for (const { call, args } of calls) {
                      const ctx = await analytics[call](...args);
                      const failed = ctx.failedDelivery();
                      done.push({ call, messageId: ctx.event.messageId,
                                  failed: failed ? String(failed.reason) : null });
                    }
                    const [instance] = await analytics;
                    const resources = performance.getEntriesByType('resource').map((entry) => entry.name);
                    return { anonymousId: instance.user().anonymousId(), userId: instance.user().id(), calls: done,
                             resources };
                  })().catch((error) => ({ error: String(error) })).then((result) => {
                    document.getElementById('result').textContent = JSON.stringify(result);
                  });
                </script>
                </body>
                </html>
                """.formatted(json(origin), LocalSite.BUNDLES, json(writeKey), json(calls), json(apiHost));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.nurture.durability;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * H2 keeps 16 MB of its file's pages in memory by default, a small part of the indexes an import or a segment's
 * rebuild walks: contact ids are UUIDs, so each new contact or segment entry lands on a page of its own in every index
 * by contact, and with 16 MB most of those pages had been evicted and were read and decoded from the file again (half
 * of the import thread's samples with three live segments). An embedded H2 URL that does not name {@code CACHE_SIZE}
 * gets an eighth of the heap, between H2's 16 MB and {@value #MAX_KB} KB (256 MB).
 */
@Component
class H2PageCache implements BeanPostProcessor {

    static final String SETTING = "CACHE_SIZE";
    static final int MIN_KB = 16 * 1024;
    static final int MAX_KB = 256 * 1024;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
            properties.setUrl(cached(properties.getUrl(), Runtime.getRuntime().maxMemory()));
        }
        return bean;
    }

    static String cached(String url, long maxHeapBytes) {
        if (!H2Files.isEmbedded(url) || H2Files.names(url, SETTING)) {
            return url;
        }
        return (url.endsWith(";") ? url : url + ";") + SETTING + "=" + kilobytes(maxHeapBytes);
    }

    /** An eighth of the heap in KB (H2's unit), within {@link #MIN_KB} and {@link #MAX_KB}. */
    static int kilobytes(long maxHeapBytes) {
        return (int) Math.max(MIN_KB, Math.min(MAX_KB, maxHeapBytes / 8 / 1024));
    }
}

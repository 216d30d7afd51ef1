package io.nurture.durability;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * H2 on disk writes a commit to its file up to {@code WRITE_DELAY} (500 ms by default) after the commit returned, so a
 * process killed in that time loses rows it had already acknowledged. With {@code WRITE_DELAY=0} every commit is in
 * the operating system's hands before it returns; that is added to a {@code spring.datasource.url} that does not name
 * {@code WRITE_DELAY} itself. It has to be the URL: H2 2.3 stores {@code SET WRITE_DELAY 0}, but applies the URL's
 * value, or 500, again each time it opens the database.
 */
@Component
class DurableH2Url implements BeanPostProcessor {

    static final String SETTING = "WRITE_DELAY";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
            properties.setUrl(durable(properties.getUrl()));
        }
        return bean;
    }

    static String durable(String url) {
        if (!isH2OnDisk(url) || names(url, SETTING)) {
            return url;
        }
        return (url.endsWith(";") ? url : url + ";") + SETTING + "=0";
    }

    /** An H2 database kept in files, embedded or behind an H2 server; not {@code mem:} nor a read-only {@code zip:}. */
    static boolean isH2OnDisk(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return false;
        }
        String database = lower.substring("jdbc:h2:".length());
        if (database.startsWith("tcp://") || database.startsWith("ssl://")) {
            int slash = database.indexOf('/', "tcp://".length());
            database = slash < 0 ? "" : database.substring(slash + 1);
        }
        return !database.startsWith("mem:") && !database.startsWith("zip:");
    }

    private static boolean names(String url, String setting) {
        return Arrays.stream(url.split(";")).skip(1)
                .anyMatch(part -> part.split("=", 2)[0].trim().equalsIgnoreCase(setting));
    }
}

package io.nurture.durability;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * H2 keeps the last {@code QUERY_CACHE_SIZE} parsed statements of a connection, 8 by default; one event runs some
 * thirty distinct statements of Nurture's and the engine's, so H2 parsed nearly every one again (a fifth of the CPU
 * samples of the ingestion benchmark were in its parser). An embedded H2 URL that does not name the setting gets
 * {@value #SIZE}.
 */
@Component
class H2StatementCache implements BeanPostProcessor {

    static final String SETTING = "QUERY_CACHE_SIZE";
    static final int SIZE = 256;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
            properties.setUrl(cached(properties.getUrl()));
        }
        return bean;
    }

    static String cached(String url) {
        if (!H2Files.isEmbedded(url) || H2Files.names(url, SETTING)) {
            return url;
        }
        return (url.endsWith(";") ? url : url + ";") + SETTING + "=" + SIZE;
    }
}

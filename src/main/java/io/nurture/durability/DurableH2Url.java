package io.nurture.durability;


import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * H2 writes a commit to its file up to {@code WRITE_DELAY} (500 ms by default) after the commit returned, so a process
 * killed in that time loses rows it had already acknowledged. With {@code WRITE_DELAY=0} every commit is in the
 * operating system's hands before it returns; that is added to a {@code spring.datasource.url} for an embedded H2
 * file that does not name {@code WRITE_DELAY} itself. It has to be the URL: H2 2.3 stores {@code SET WRITE_DELAY 0},
 * but applies the URL's value, or 500, again each time it opens the database. See also {@link H2FileHousekeeping}.
 */
@Component
class DurableH2Url implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
            properties.setUrl(durable(properties.getUrl()));
        }
        return bean;
    }

    static String durable(String url) {
        if (!H2Files.isEmbeddedFile(url) || H2Files.names(url, H2Files.WRITE_DELAY)) {
            return url;
        }
        return (url.endsWith(";") ? url : url + ";") + H2Files.WRITE_DELAY + "=0";
    }

}

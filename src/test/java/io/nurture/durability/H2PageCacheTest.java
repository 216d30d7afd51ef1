package io.nurture.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

class H2PageCacheTest {

    private static final long GB = 1024L * 1024 * 1024;

    private final ApplicationContextRunner boot = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));

    @TempDir
    Path files;

    @Test
    void anEmbeddedH2FileKeepsAnEighthOfTheHeapOfPages() {
        // a database setting: it is read from the URL of the connection that opens the database
        boot.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + files.resolve("default"))
                .run(context -> assertThat(cacheMegabytes(context.getBean(DataSource.class))).as("H2's own default")
                        .isEqualTo(16));
        boot.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + files.resolve("cached"))
                .withBean(H2PageCache.class)
                .run(context -> assertThat(cacheMegabytes(context.getBean(DataSource.class)))
                        .isEqualTo(H2PageCache.kilobytes(Runtime.getRuntime().maxMemory()) / 1024));
    }

    @Test
    void anEighthOfTheHeapBetweenSixteenAndTwoHundredFiftySixMegabytes() {
        assertThat(H2PageCache.kilobytes(GB / 2)).isEqualTo(64 * 1024);
        assertThat(H2PageCache.kilobytes(GB)).isEqualTo(128 * 1024);
        assertThat(H2PageCache.kilobytes(64L * 1024 * 1024)).as("H2's default, at least").isEqualTo(16 * 1024);
        assertThat(H2PageCache.kilobytes(6 * GB)).as("at most").isEqualTo(256 * 1024);
    }

    @Test
    void aUrlNamingTheSettingOrAServerIsLeftAsItIs() {
        assertThat(H2PageCache.cached("jdbc:h2:file:./data/nurture;WRITE_DELAY=0", GB))
                .isEqualTo("jdbc:h2:file:./data/nurture;WRITE_DELAY=0;CACHE_SIZE=131072");
        assertThat(H2PageCache.cached("jdbc:h2:mem:x;", GB)).isEqualTo("jdbc:h2:mem:x;CACHE_SIZE=131072");
        assertThat(H2PageCache.cached("jdbc:h2:mem:x; cache_size = 4096", GB))
                .isEqualTo("jdbc:h2:mem:x; cache_size = 4096");
        assertThat(H2PageCache.cached("jdbc:h2:tcp://db.example:9092/~/nurture", GB))
                .isEqualTo("jdbc:h2:tcp://db.example:9092/~/nurture");
        assertThat(H2PageCache.cached("jdbc:postgresql://127.0.0.1:5432/nurture", GB))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/nurture");
    }

    /** The size of the file's page cache in effect (H2 reports it in MB). */
    private static int cacheMegabytes(DataSource dataSource) {
        return Integer.parseInt(new JdbcTemplate(dataSource).queryForObject(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'",
                String.class));
    }
}

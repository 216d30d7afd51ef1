package io.nurture.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

class H2StatementCacheTest {

    private final ApplicationContextRunner boot = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));

    @Test
    void anEmbeddedH2KeepsTwoHundredAndFiftySixParsedStatementsPerConnection() {
        // a database setting: it is read from the URL of the connection that opens the database
        boot.withPropertyValues("spring.datasource.url=jdbc:h2:mem:statement-cache-default")
                .run(context -> assertThat(cacheSizes(context.getBean(DataSource.class))).as("H2's own default")
                        .containsOnly("8"));
        boot.withPropertyValues("spring.datasource.url=jdbc:h2:mem:statement-cache").withBean(H2StatementCache.class)
                .run(context -> assertThat(cacheSizes(context.getBean(DataSource.class))).containsOnly("256"));
    }

    @Test
    void aUrlNamingTheSettingOrAServerIsLeftAsItIs() {
        assertThat(H2StatementCache.cached("jdbc:h2:file:./data/nurture;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:./data/nurture;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=256");
        assertThat(H2StatementCache.cached("jdbc:h2:mem:x;")).isEqualTo("jdbc:h2:mem:x;QUERY_CACHE_SIZE=256");
        assertThat(H2StatementCache.cached("jdbc:h2:mem:x; query_cache_size = 16"))
                .isEqualTo("jdbc:h2:mem:x; query_cache_size = 16");
        assertThat(H2StatementCache.cached("jdbc:h2:tcp://db.example:9092/~/nurture"))
                .isEqualTo("jdbc:h2:tcp://db.example:9092/~/nurture");
        assertThat(H2StatementCache.cached("jdbc:postgresql://127.0.0.1:5432/nurture"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/nurture");
    }

    private static List<String> cacheSizes(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForList(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'",
                String.class);
    }
}

package io.nurture.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

class DurableH2UrlTest {

    @TempDir
    Path data;

    private final ApplicationContextRunner boot = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));

    @Test
    void anH2FileUrlOfOnesOwnIsOpenedWithoutWriteDelay() {
        String url = "spring.datasource.url=jdbc:h2:file:" + data.resolve("own") + ";DB_CLOSE_ON_EXIT=FALSE";
        boot.withPropertyValues(url).run(context -> assertThat(writeDelays(context.getBean(DataSource.class)))
                .as("H2's own default").containsOnly("500"));
        boot.withPropertyValues(url).withBean(DurableH2Url.class)
                .run(context -> assertThat(writeDelays(context.getBean(DataSource.class))).containsOnly("0"));
    }

    @Test
    void addsWriteDelayZeroToEveryEmbeddedH2File() {
        assertThat(DurableH2Url.durable("jdbc:h2:file:./data/nurture;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:./data/nurture;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(DurableH2Url.durable("jdbc:h2:/var/lib/nurture/db;"))
                .isEqualTo("jdbc:h2:/var/lib/nurture/db;WRITE_DELAY=0");
        assertThat(DurableH2Url.durable("jdbc:h2:~/nurture")).isEqualTo("jdbc:h2:~/nurture;WRITE_DELAY=0");
        assertThat(DurableH2Url.durable("jdbc:h2:nio:/var/lib/nurture/db"))
                .isEqualTo("jdbc:h2:nio:/var/lib/nurture/db;WRITE_DELAY=0");
    }

    @Test
    void keepsAWriteDelayTheUrlNames() {
        assertThat(DurableH2Url.durable("jdbc:h2:file:./x;write_delay=200"))
                .isEqualTo("jdbc:h2:file:./x;write_delay=200");
        assertThat(DurableH2Url.durable("jdbc:h2:file:./x; WRITE_DELAY = 0;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./x; WRITE_DELAY = 0;MODE=PostgreSQL");
    }

    @Test
    void leavesDatabasesThatAreNotEmbeddedH2FilesAlone() {
        assertThat(DurableH2Url.durable("jdbc:h2:mem:nurture;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:nurture;DB_CLOSE_DELAY=-1");
        // an H2 server keeps its commits when Nurture dies; its own settings are its operator's
        assertThat(DurableH2Url.durable("jdbc:h2:tcp://db.example:9092/~/nurture"))
                .isEqualTo("jdbc:h2:tcp://db.example:9092/~/nurture");
        assertThat(DurableH2Url.durable("jdbc:h2:zip:/backup/nurture.zip!/nurture"))
                .isEqualTo("jdbc:h2:zip:/backup/nurture.zip!/nurture");
        assertThat(DurableH2Url.durable("jdbc:postgresql://127.0.0.1:5432/nurture"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/nurture");
    }

    /** The stored setting and the one in effect, which H2 both list under this name. */
    private static List<String> writeDelays(DataSource dataSource) {
        return new JdbcTemplate(dataSource).queryForList(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'",
                String.class);
    }
}

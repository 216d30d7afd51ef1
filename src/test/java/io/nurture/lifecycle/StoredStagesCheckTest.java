package io.nurture.lifecycle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Contacts left in a stage the configuration dropped stop the start, with the stages and how many are there. */
class StoredStagesCheckTest {

    private JdbcClient jdbc;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:stored-stages-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE contact (id VARCHAR(36), lifecycle_stage VARCHAR(20) NOT NULL)").update();
        jdbc.sql("INSERT INTO contact VALUES ('c-1', 'LEAD'), ('c-2', 'PQL'), ('c-3', 'PQL'), ('c-4', 'MQL')")
                .update();
    }

    @Test
    void contactsInAStageThatIsNoLongerConfiguredStopTheStart() {
        StoredStagesCheck check = new StoredStagesCheck(jdbc, TestFunnels.defaults());

        assertThatThrownBy(check::afterSingletonsInstantiated)
                .isInstanceOf(InvalidLifecycleConfigurationException.class)
                .hasMessageContaining("contacts are in stages that stages [VISITOR, LEAD, MQL, SQL, OPPORTUNITY,"
                        + " CUSTOMER, EVANGELIST] does not list (stage=contacts: {PQL=2})");
    }

    @Test
    void contactsInConfiguredStagesStartAsUsual() {
        jdbc.sql("UPDATE contact SET lifecycle_stage = 'LEAD' WHERE lifecycle_stage = 'PQL'").update();

        assertThatCode(new StoredStagesCheck(jdbc, TestFunnels.defaults())::afterSingletonsInstantiated)
                .doesNotThrowAnyException();
    }
}

package io.nurture.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.CronExpression;

import io.nurture.JobsOffAppTest;

/** The retention run is scheduled every night, inside the engine's history cleanup window (01:00-05:00). */
@JobsOffAppTest
class NightlyRetentionScheduleIT {

    @Autowired
    List<ScheduledTaskHolder> schedules;

    @Test
    void theRetentionRunIsScheduledEveryNightInsideTheCleanupWindow() {
        List<CronTask> retention = schedules.stream().flatMap(holder -> holder.getScheduledTasks().stream())
                .map(ScheduledTask::getTask)
                // the method's runnable, wrapped by the scheduler, names the method
                .filter(task -> task instanceof CronTask
                        && task.getRunnable().toString().equals(NightlyRetention.class.getName() + ".nightly"))
                .map(CronTask.class::cast).toList();

        assertThat(retention).hasSize(1);
        CronExpression cron = CronExpression.parse(retention.get(0).getExpression());
        LocalDateTime next = cron.next(LocalDateTime.of(2026, 12, 3, 12, 0));
        assertThat(next.toLocalDate()).as("every day").hasDayOfMonth(4);
        assertThat(next.toLocalTime()).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        assertThat(cron.next(next).toLocalDate()).hasDayOfMonth(5);
    }
}

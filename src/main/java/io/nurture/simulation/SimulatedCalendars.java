package io.nurture.simulation;

import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.task.Task;

/** Timer due dates counted from the simulated clock instead of Camunda's. */
final class SimulatedCalendars implements BusinessCalendarManager {

    private final BusinessCalendar duration = new DurationBusinessCalendar() {
        @Override
        public Date resolveDuedate(String duedate) {
            return super.resolveDuedate(duedate, SimulatedClock.nowAsDate());
        }

        @Override
        public Date resolveDuedate(String duedate, Task task) {
            return super.resolveDuedate(duedate, SimulatedClock.nowAsDate());
        }

        @Override
        public Date resolveDuedate(String duedate, Date startDate) {
            return super.resolveDuedate(duedate, startDate == null ? SimulatedClock.nowAsDate() : startDate);
        }
    };

    private final BusinessCalendar cycle = new CycleBusinessCalendar() {
        @Override
        public Date resolveDuedate(String duedate) {
            return super.resolveDuedate(duedate, SimulatedClock.nowAsDate());
        }

        @Override
        public Date resolveDuedate(String duedate, Task task) {
            return super.resolveDuedate(duedate, SimulatedClock.nowAsDate());
        }

        @Override
        public Date resolveDuedate(String duedate, Date startDate) {
            return super.resolveDuedate(duedate, startDate == null ? SimulatedClock.nowAsDate() : startDate);
        }

        @Override
        public Date resolveDuedate(String duedate, Date startDate, long repeatOffset) {
            return super.resolveDuedate(duedate, startDate == null ? SimulatedClock.nowAsDate() : startDate,
                    repeatOffset);
        }
    };

    private final BusinessCalendar dueDate = new DueDateBusinessCalendar();

    @Override
    public BusinessCalendar getBusinessCalendar(String name) {
        return switch (name) {
            case "cycle" -> cycle;
            case "dueDate" -> dueDate;
            default -> duration;
        };
    }
}

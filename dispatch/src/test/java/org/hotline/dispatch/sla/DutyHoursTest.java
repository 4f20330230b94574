package org.hotline.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.hotline.core.time.WorkCalendar;
import org.hotline.core.wire.SeedLoader;
import org.junit.jupiter.api.Test;

/** The duty calendar on the published 2026 China calendar (seed holidays). */
class DutyHoursTest {

    private static final WorkCalendar CALENDAR = SeedLoader.fromClasspath().calendar();
    private static final DutyHours OFFICE = DutyHours.office(CALENDAR);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WorkCalendar.CHINA).toInstant();
    }

    @Test
    void anInstantInsideADutyPeriodIsOnDutyItself() {
        assertThat(OFFICE.nextOnDuty(at("2026-11-18T10:15:00"))).isEqualTo(at("2026-11-18T10:15:00"));
    }

    @Test
    void theLunchBreakAndTheEarlyMorningWaitForTheNextPeriodOfTheSameDay() {
        assertThat(OFFICE.nextOnDuty(at("2026-11-18T12:30:00"))).isEqualTo(at("2026-11-18T13:30:00"));
        assertThat(OFFICE.nextOnDuty(at("2026-11-18T03:00:00"))).isEqualTo(at("2026-11-18T08:30:00"));
    }

    @Test
    void fridayEveningWaitsForMondayMorning() {
        assertThat(OFFICE.nextOnDuty(at("2026-11-20T18:00:00"))).isEqualTo(at("2026-11-23T08:30:00"));
    }

    @Test
    void theNationalDayHolidayIsSkippedAndAMakeUpSaturdayIsADutyDay() {
        // 2026: 10-01..10-07 off; Saturday 10-10 is a make-up working day (holidays-cn data)
        assertThat(CALENDAR.isWorkingDay(java.time.LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(OFFICE.nextOnDuty(at("2026-09-30T18:00:00"))).isEqualTo(at("2026-10-08T08:30:00"));
        assertThat(OFFICE.nextOnDuty(at("2026-10-09T18:00:00"))).isEqualTo(at("2026-10-10T08:30:00"));
    }
}

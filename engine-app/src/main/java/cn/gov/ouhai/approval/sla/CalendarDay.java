package cn.gov.ouhai.approval.sla;

import java.time.LocalDate;

/** One exceptional day of the calendar. */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
}

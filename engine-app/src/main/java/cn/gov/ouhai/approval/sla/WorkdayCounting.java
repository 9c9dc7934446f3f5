package cn.gov.ouhai.approval.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.function.IntFunction;

import cn.gov.ouhai.approval.clock.EngineClock;

/**
 * Working days as the law counts them (行政许可法 Art. 82): Monday to Friday, minus public
 * holidays, plus adjusted working weekend days. A limit of N working days counts from the working
 * day after the start and ends at 24:00 (Beijing time) of the Nth working day.
 *
 * <p>Plain arithmetic over each year's exceptional days, with no database: {@link WorkdayCalendar}
 * feeds it the loaded (or provisional) years; {@link #over} counts on any other set, e.g. the
 * calendar as it was before an official schedule replaced a provisional one.
 */
public abstract class WorkdayCounting {

	/** The exceptional days of a year (holidays and adjusted working days). */
	protected abstract Map<LocalDate, DayKind> exceptionsOf(int year);

	/** Counting over the given years' exceptional days. */
	public static WorkdayCounting over(IntFunction<Map<LocalDate, DayKind>> years) {
		return new WorkdayCounting() {
			@Override
			protected Map<LocalDate, DayKind> exceptionsOf(int year) {
				return years.apply(year);
			}
		};
	}

	public boolean isWorkday(LocalDate date) {
		DayKind exception = exceptionsOf(date.getYear()).get(date);
		if (exception != null) {
			return exception == DayKind.WORKDAY;
		}
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	/** The Nth working day after {@code from} ({@code from} itself when N is 0). */
	public LocalDate addWorkdays(LocalDate from, int workdays) {
		if (workdays < 0) {
			return subtractWorkdays(from, -workdays);
		}
		LocalDate date = from;
		for (int counted = 0; counted < workdays;) {
			date = date.plusDays(1);
			if (isWorkday(date)) {
				counted++;
			}
		}
		return date;
	}

	/** The Nth working day before {@code from}. */
	public LocalDate subtractWorkdays(LocalDate from, int workdays) {
		LocalDate date = from;
		for (int counted = 0; counted < workdays;) {
			date = date.minusDays(1);
			if (isWorkday(date)) {
				counted++;
			}
		}
		return date;
	}

	/** Working days in {@code (from, to]}: 0 on the same day, negative when {@code to} is earlier. */
	public int workdaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workdaysBetween(to, from);
		}
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isWorkday(date)) {
				count++;
			}
		}
		return count;
	}

	/** 24:00 of a day in Beijing time: the instant a limit ending that day runs out. */
	public static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant();
	}

	/** The last day a limit ending at {@code due} covers (the day before a midnight instant). */
	public static LocalDate lastDayOf(Instant due) {
		ZonedDateTime local = due.atZone(EngineClock.ZONE);
		LocalDate day = local.toLocalDate();
		return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? day.minusDays(1) : day;
	}

	/** When a limit of N working days that starts at {@code start} runs out. */
	public Instant due(Instant start, int workdays) {
		return endOf(addWorkdays(LocalDate.ofInstant(start, EngineClock.ZONE), workdays));
	}

	/**
	 * Moves a deadline by N working days (a pause that did not count): a midnight deadline moves to
	 * the end of the Nth working day after the working day it ended; any other instant keeps its
	 * time of day.
	 */
	public Instant shift(Instant deadline, int workdays) {
		if (workdays == 0) {
			return deadline;
		}
		ZonedDateTime local = deadline.atZone(EngineClock.ZONE);
		if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			LocalDate last = local.toLocalDate().minusDays(1);
			while (!isWorkday(last)) {
				last = last.minusDays(1);
			}
			return endOf(addWorkdays(last, workdays));
		}
		return addWorkdays(local.toLocalDate(), workdays).atTime(local.toLocalTime())
			.atZone(EngineClock.ZONE)
			.toInstant();
	}

	/**
	 * Working days left until a deadline: 1 on its last working day, 0 or less once it has passed
	 * (negative: working days overdue).
	 */
	public int workdaysLeft(Instant now, Instant due) {
		LocalDate today = LocalDate.ofInstant(now, EngineClock.ZONE);
		LocalDate last = lastDayOf(due);
		if (!now.isBefore(due)) {
			return -workdaysBetween(last, today);
		}
		return workdaysBetween(today, last) + (isWorkday(today) ? 1 : 0);
	}

	/**
	 * A deadline counted on {@code before}, counted again on this calendar: the same number of
	 * working days after {@code anchor} (a day both calendars agree up to), the same time of day. A
	 * deadline on or before the anchor's end stays where it is.
	 */
	public Instant recount(Instant deadline, WorkdayCounting before, LocalDate anchor) {
		if (!deadline.isAfter(endOf(anchor))) {
			return deadline;
		}
		ZonedDateTime local = deadline.atZone(EngineClock.ZONE);
		boolean midnight = local.toLocalTime().equals(LocalTime.MIDNIGHT);
		LocalDate day = midnight ? local.toLocalDate().minusDays(1) : local.toLocalDate();
		// a deadline on a day off (a provisional holiday now worked, say) counts from the working day before
		int workdays = before.workdaysBetween(anchor, day);
		LocalDate moved = addWorkdays(anchor, Math.max(workdays, 0));
		if (workdays <= 0) {
			moved = day;
		}
		return midnight ? endOf(moved) : moved.atTime(local.toLocalTime()).atZone(EngineClock.ZONE).toInstant();
	}

}

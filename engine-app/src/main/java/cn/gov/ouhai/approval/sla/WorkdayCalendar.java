package cn.gov.ouhai.approval.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.clock.EngineClock;

/**
 * The working-day calendar of the platform: the State Council's schedule of each year as the
 * administrators loaded it ({@code PUT /api/calendar/{year}}). A year not loaded yet is counted on
 * its statutory holidays ({@link StatutoryHolidays}) and marked provisional, so intake never stops
 * for want of a table; only a year more than {@value #PROVISIONAL_YEARS_AHEAD} ahead is refused.
 *
 * <p>Each year is cached for a minute: a change made on this node is seen at once, on other nodes
 * of a cluster within a minute.
 */
@Service
public class WorkdayCalendar extends WorkdayCounting {

	/** How far ahead of the current year a provisional year is counted. */
	public static final int PROVISIONAL_YEARS_AHEAD = 2;

	private static final Duration CACHE_TTL = Duration.ofMinutes(1);

	private final CalendarMapper mapper;

	private final Map<Integer, CachedYear> years = new ConcurrentHashMap<>();

	WorkdayCalendar(CalendarMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	protected Map<LocalDate, DayKind> exceptionsOf(int year) {
		return year(year).days();
	}

	/** Whether {@code year} is counted on its statutory holidays only (no official schedule loaded). */
	public boolean provisional(int year) {
		return year(year).provisional();
	}

	/** Whether counting from {@code from} to {@code to} touches a provisional year. */
	public boolean provisionalBetween(LocalDate from, LocalDate to) {
		LocalDate first = from.isBefore(to) ? from : to;
		LocalDate last = from.isBefore(to) ? to : from;
		for (int year = first.getYear(); year <= last.getYear(); year++) {
			if (provisional(year)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a limit running from {@code start} to {@code due} was counted on a provisional day. */
	public boolean provisionalBetween(Instant start, Instant due) {
		return start != null && due != null
				&& provisionalBetween(LocalDate.ofInstant(start, EngineClock.ZONE), lastDayOf(due));
	}

	/** A year's exceptional days: the loaded ones, or the statutory holidays of a provisional year. */
	public List<CalendarDay> days(int year) {
		CachedYear cached = year(year);
		return cached.provisional() ? StatutoryHolidays.of(year) : this.mapper.days(year);
	}

	public boolean loaded(int year) {
		return this.mapper.loaded(year);
	}

	/** Replaces a year's exceptional days at once; a failure leaves the old ones. */
	@Transactional
	public void replace(int year, List<CalendarDay> days, String by) {
		Instant now = EngineClock.now();
		if (this.mapper.touchYear(year, now, by) == 0) {
			this.mapper.insertYear(year, now, by);
		}
		this.mapper.deleteDays(year);
		days.forEach(day -> this.mapper.insertDay(year, day));
		this.years.remove(year);
	}

	/** Forgets the cached years, e.g. after another node or a test changed the table. */
	public void forget() {
		this.years.clear();
	}

	private CachedYear year(int year) {
		CachedYear cached = this.years.get(year);
		Instant now = Instant.now();
		if (cached == null || cached.loadedAt().plus(CACHE_TTL).isBefore(now)) {
			Map<LocalDate, DayKind> days = new HashMap<>();
			boolean provisional = !this.mapper.loaded(year);
			if (provisional) {
				if (year > EngineClock.today().getYear() + PROVISIONAL_YEARS_AHEAD) {
					throw new CalendarYearNotLoaded(year);
				}
				StatutoryHolidays.of(year).forEach(day -> days.put(day.date(), day.kind()));
			}
			else {
				this.mapper.days(year).forEach(day -> days.put(day.date(), day.kind()));
			}
			cached = new CachedYear(Map.copyOf(days), provisional, now);
			this.years.put(year, cached);
		}
		return cached;
	}

	private record CachedYear(Map<LocalDate, DayKind> days, boolean provisional, Instant loadedAt) {
	}

}

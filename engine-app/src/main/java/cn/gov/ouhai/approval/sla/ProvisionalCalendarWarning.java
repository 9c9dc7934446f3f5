package cn.gov.ouhai.approval.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.clock.EngineClock;

/**
 * Tells the administrators that a year is counted provisionally, from 1 November of the year before
 * (the State Council publishes the schedule around then): once by notification to
 * {@code camunda-admin}, in {@code /actuator/health} (component {@code workdayCalendar}) and on the
 * supervision dashboard, until the official schedule is loaded.
 */
@Component("workdayCalendarHealthIndicator")
public class ProvisionalCalendarWarning implements HealthIndicator {

	static final MonthDay WARN_FROM = MonthDay.of(11, 1);

	static final String ADDRESSEE = "camunda-admin";

	static final String KIND = "CALENDAR_PROVISIONAL";

	private final WorkdayCalendar calendar;

	private final CalendarMapper mapper;

	private final Notifier notifier;

	ProvisionalCalendarWarning(WorkdayCalendar calendar, CalendarMapper mapper, Notifier notifier) {
		this.calendar = calendar;
		this.mapper = mapper;
		this.notifier = notifier;
	}

	/** The years counted provisionally that someone should load now: this one, and the next from 1 November. */
	public List<Integer> yearsToLoad() {
		LocalDate today = EngineClock.today();
		List<Integer> years = new ArrayList<>();
		if (this.calendar.provisional(today.getYear())) {
			years.add(today.getYear());
		}
		if (!MonthDay.from(today).isBefore(WARN_FROM) && this.calendar.provisional(today.getYear() + 1)) {
			years.add(today.getYear() + 1);
		}
		return years;
	}

	/** The warning in a line, for screens; {@code null} when there is nothing to load. */
	public String message() {
		List<Integer> years = yearsToLoad();
		if (years.isEmpty()) {
			return null;
		}
		String list = String.join("、", years.stream().map(String::valueOf).toList());
		return list + " 年的放假安排尚未导入，期限按法定节假日暂定推算（不含调休）；请管理员通过 PUT /api/calendar/{年份} 导入正式安排 / "
				+ "The official holiday schedule of " + list + " is not loaded: deadlines are provisional";
	}

	@Override
	public Health health() {
		List<Integer> years = yearsToLoad();
		// stays UP: intake goes on with the provisional calendar; the detail is for the administrators
		return years.isEmpty() ? Health.up().withDetail("provisionalYears", List.of()).build()
				: Health.up().withDetails(Map.of("provisionalYears", years, "warning", message())).build();
	}

	/** Once a day (and at start-up): a notification the first time a year needs loading. */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${app.calendar.warning-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	public void notifyAdministrators() {
		Instant now = EngineClock.now();
		for (int year : yearsToLoad()) {
			try {
				this.mapper.warned(year, now);
			}
			catch (DuplicateKeyException alreadyWarned) {
				continue;
			}
			this.notifier.send(new Notification("", ADDRESSEE, KIND, year + " 年的放假安排尚未导入，办理期限按法定节假日暂定推算（不含调休）。"
					+ "国务院公布后请通过 PUT /api/calendar/" + year + " 导入，已受理办件的期限将自动调整。", now));
		}
	}

}

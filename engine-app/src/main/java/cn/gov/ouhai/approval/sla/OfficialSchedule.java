package cn.gov.ouhai.approval.sla;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.ouhai.approval.clock.EngineClock;

/**
 * Loading a year's official holiday schedule: the days replace the year's at once, and if the year
 * was counted provisionally until now, the deadlines counted on it move
 * ({@link ProvisionalYearAdjustment}), noted in the same transaction as the days so a crash
 * cannot lose it.
 */
@Service
public class OfficialSchedule {

	private final WorkdayCalendar calendar;

	private final ProvisionalYearAdjustment adjustment;

	private final TransactionTemplate transaction;

	OfficialSchedule(WorkdayCalendar calendar, ProvisionalYearAdjustment adjustment,
			PlatformTransactionManager transactions) {
		this.calendar = calendar;
		this.adjustment = adjustment;
		this.transaction = new TransactionTemplate(transactions);
	}

	public ProvisionalYearAdjustment.Moved load(int year, List<CalendarDay> days, String by) {
		Boolean wasProvisional = this.transaction.execute(status -> {
			boolean provisional = !this.calendar.loaded(year)
					&& year <= EngineClock.today().getYear() + WorkdayCalendar.PROVISIONAL_YEARS_AHEAD;
			this.calendar.replace(year, days, by);
			if (provisional) {
				this.adjustment.begin(year);
			}
			return provisional;
		});
		return Boolean.TRUE.equals(wasProvisional) ? this.adjustment.run(year)
				: new ProvisionalYearAdjustment.Moved(year, 0, 0, 0);
	}

}

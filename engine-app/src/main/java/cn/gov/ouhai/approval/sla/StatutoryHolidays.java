package cn.gov.ouhai.approval.sla;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;

/**
 * The days off every year has by law, before the State Council publishes the year's schedule:
 * 《全国年节及纪念日放假办法》 as revised in 2024 (in force 2025). 元旦 1 day, 春节 4 days from 除夕,
 * 清明节 1 day (the solar term), 劳动节 2 days, 端午节 1 day (5th of the 5th lunar month), 中秋节
 * 1 day (15th of the 8th), 国庆节 3 days. Lunar dates and the solar term come from the lunar
 * library, not a table. No substitute weekday for a holiday on a weekend and no 调休 is guessed:
 * the schedule decides those, and a provisional year is replaced when it is loaded.
 */
public final class StatutoryHolidays {

	private StatutoryHolidays() {
	}

	public static List<CalendarDay> of(int year) {
		List<CalendarDay> days = new ArrayList<>();
		add(days, LocalDate.of(year, 1, 1), 1, "元旦");
		LocalDate springFestival = date(Lunar.fromYmd(year, 1, 1).getSolar());
		add(days, springFestival.minusDays(1), 4, "春节");
		add(days, date(Lunar.fromYmd(year, 1, 1).getJieQiTable().get("清明")), 1, "清明节");
		add(days, LocalDate.of(year, 5, 1), 2, "劳动节");
		add(days, date(Lunar.fromYmd(year, 5, 5).getSolar()), 1, "端午节");
		add(days, date(Lunar.fromYmd(year, 8, 15).getSolar()), 1, "中秋节");
		add(days, LocalDate.of(year, 10, 1), 3, "国庆节");
		days.removeIf(day -> day.date().getYear() != year);
		days.sort(Comparator.comparing(CalendarDay::date));
		return days;
	}

	private static void add(List<CalendarDay> days, LocalDate first, int count, String name) {
		for (int i = 0; i < count; i++) {
			LocalDate date = first.plusDays(i);
			if (days.stream().noneMatch(day -> day.date().equals(date))) {
				days.add(new CalendarDay(date, DayKind.HOLIDAY, name + "（暂定）"));
			}
		}
	}

	private static LocalDate date(Solar solar) {
		return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
	}

}

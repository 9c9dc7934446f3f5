package cn.gov.ouhai.approval.sla;

import org.springframework.http.HttpStatus;

import cn.gov.ouhai.approval.web.ApiException;

/**
 * Counting reached a year too far ahead for even a provisional calendar (more than
 * {@value WorkdayCalendar#PROVISIONAL_YEARS_AHEAD} years after this one) whose schedule nobody
 * has loaded: an error, never a guess.
 */
public class CalendarYearNotLoaded extends ApiException {

	public CalendarYearNotLoaded(int year) {
		super(HttpStatus.UNPROCESSABLE_ENTITY, "CALENDAR_YEAR_NOT_LOADED", year + " 年超出暂定日历的范围（至多推算到今年之后 "
				+ WorkdayCalendar.PROVISIONAL_YEARS_AHEAD + " 年），且尚未导入正式日历，请管理员通过 PUT /api/calendar/" + year
				+ " 导入 / " + year + " is more than " + WorkdayCalendar.PROVISIONAL_YEARS_AHEAD
				+ " years ahead and its working-day calendar is not loaded");
	}

}

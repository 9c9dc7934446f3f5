package cn.gov.ouhai.approval.sla;

import org.springframework.http.HttpStatus;

import cn.gov.ouhai.approval.web.ApiException;

/** Counting reached a year whose holidays nobody has loaded: an error, never a guess. */
public class CalendarYearNotLoaded extends ApiException {

	public CalendarYearNotLoaded(int year) {
		super(HttpStatus.UNPROCESSABLE_ENTITY, "CALENDAR_YEAR_NOT_LOADED", year + " 年的工作日历尚未导入，请管理员通过 PUT /api/calendar/"
				+ year + " 导入 / The working-day calendar of " + year + " is not loaded");
	}

}

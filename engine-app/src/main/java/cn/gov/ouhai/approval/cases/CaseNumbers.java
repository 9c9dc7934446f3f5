package cn.gov.ouhai.approval.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case numbers {@code 330304-YYYYMMDD-NNNNNN}: the district code, the day of receipt (Beijing time)
 * and the day's sequence. The counter row stays locked until the intake commits, so two windows can
 * never draw the same number; a rolled-back intake gives its number back.
 */
@Component
class CaseNumbers {

	static final String DISTRICT_CODE = "330304";

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final CaseMapper mapper;

	CaseNumbers(CaseMapper mapper) {
		this.mapper = mapper;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	String next(LocalDate day) {
		String key = day.format(DAY);
		if (this.mapper.incrementCounter(key) == 0) {
			try {
				this.mapper.insertCounter(key);
			}
			catch (DuplicateKeyException raced) {
				// another intake created today's row first; its lock now orders us after it
				this.mapper.incrementCounter(key);
			}
		}
		int value = this.mapper.counter(key);
		if (value > 999_999) {
			throw new IllegalStateException("case numbers of " + key + " exhausted");
		}
		return "%s-%s-%06d".formatted(DISTRICT_CODE, key, value);
	}

}

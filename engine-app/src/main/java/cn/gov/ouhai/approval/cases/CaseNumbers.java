package cn.gov.ouhai.approval.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate ownTransaction;

	CaseNumbers(CaseMapper mapper, PlatformTransactionManager transactions) {
		this.mapper = mapper;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	String next(LocalDate day) {
		String key = day.format(DAY);
		if (this.mapper.incrementCounter(key) == 0) {
			openDay(key);
			this.mapper.incrementCounter(key);
		}
		int value = this.mapper.counter(key);
		if (value > 999_999) {
			throw new IllegalStateException("case numbers of " + key + " exhausted");
		}
		return "%s-%s-%06d".formatted(DISTRICT_CODE, key, value);
	}

	/**
	 * Creates the day's counter row, at 0, in a short transaction of its own. Created inside the
	 * intakes' transactions, the first intakes of a day deadlocked on MySQL: each that lost the insert
	 * kept InnoDB's shared lock from the duplicate-key check on the new row, then waited for the others
	 * to release theirs before it could increment (seen in the crash drill: 7 of 8 answered 503).
	 */
	private void openDay(String key) {
		try {
			this.ownTransaction.executeWithoutResult(status -> this.mapper.insertCounter(key));
		}
		catch (DuplicateKeyException opened) {
			// another intake opened the day first
		}
	}

}

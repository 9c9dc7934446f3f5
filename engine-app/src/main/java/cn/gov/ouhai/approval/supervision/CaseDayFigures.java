package cn.gov.ouhai.approval.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.sla.CaseClockEvent;

/**
 * Keeps the statistics' daily summary: when a case is taken in, decided on commitment or ends, the
 * cell it counts in is counted again from the cases themselves, inside the same transaction and
 * under the cell row's lock (two cases of one cell changing at once: the later one counts both).
 * A database that has cases but no summary yet (an upgrade) gets it rebuilt day by day at start.
 */
@Service
public class CaseDayFigures {

	private static final Logger log = LoggerFactory.getLogger(CaseDayFigures.class);

	private final CaseDayFiguresMapper mapper;

	private final TransactionTemplate transaction;

	private final TransactionTemplate ownTransaction;

	CaseDayFigures(CaseDayFiguresMapper mapper, PlatformTransactionManager transactions) {
		this.mapper = mapper;
		this.transaction = new TransactionTemplate(transactions);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	void on(CaseClockEvent event) {
		if (event instanceof CaseClockEvent.Started || event instanceof CaseClockEvent.Stopped
				|| event instanceof CaseClockEvent.Finished) {
			recount(event.caseNo());
		}
	}

	/** Counts the cell of a case again (inside the caller's transaction). */
	void recount(String caseNo) {
		CaseDayFiguresMapper.Cell cell = this.mapper.cellOf(caseNo);
		if (cell == null) {
			return;
		}
		LocalDate day = LocalDate.ofInstant(cell.receivedAt(), EngineClock.ZONE);
		if (this.mapper.lock(day, cell) == 0) {
			// the cell's row is created empty in a short transaction of its own (as CaseNumbers opens a
			// day): created inside concurrent transactions, the losers of the insert would keep InnoDB's
			// shared lock from the duplicate-key check and deadlock on the lock below
			try {
				this.ownTransaction.executeWithoutResult(status -> this.mapper.insertEmpty(day, cell));
			}
			catch (DuplicateKeyException insertedMeanwhile) {
				// another transaction created it first
			}
			this.mapper.lock(day, cell);
		}
		CaseDayFiguresMapper.DayFigures figures = this.mapper.count(start(day), start(day.plusDays(1)), cell);
		if (figures == null) {
			this.mapper.delete(day, cell);
		}
		else {
			this.mapper.set(day, cell, figures);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildIfMissing() {
		if (!this.mapper.any() && this.mapper.received() != null) {
			rebuild();
		}
	}

	/** Counts every day that has cases again, one transaction per day. Returns the summary's rows. */
	public long rebuild() {
		CaseDayFiguresMapper.Span span = this.mapper.received();
		if (span == null || span.first() == null) {
			return 0;
		}
		LocalDate first = LocalDate.ofInstant(span.first(), EngineClock.ZONE);
		LocalDate last = LocalDate.ofInstant(span.last(), EngineClock.ZONE);
		log.info("statistics summary: counting the cases received from {} to {} ({} days)", first, last,
				java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1);
		long rows = 0;
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			LocalDate current = day;
			Integer written = this.transaction.execute(status -> {
				this.mapper.deleteDay(current);
				return this.mapper.insertDay(current, start(current), start(current.plusDays(1)));
			});
			rows += written == null ? 0 : written;
			if (current.getDayOfMonth() == 1 || current.equals(last)) {
				log.info("statistics summary: counted up to {} ({} rows)", current, rows);
			}
		}
		return rows;
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(EngineClock.ZONE).toInstant();
	}

}

package cn.gov.ouhai.approval.clock;

import java.time.Duration;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code app.clock.offset} (an ISO-8601 duration, e.g. {@code P8D}) runs the engine clock that far
 * ahead of the wall clock, still ticking. For drills and multi-process tests only (crash and cluster
 * checks restart nodes with it so that timers fall due); never set it in production. Applied once the
 * application is ready, after the demo data (which sets and resets the clock itself).
 */
@Component
class ClockOffset {

	private static final Logger log = LoggerFactory.getLogger(ClockOffset.class);

	private final Duration offset;

	ClockOffset(@Value("${app.clock.offset:PT0S}") Duration offset) {
		this.offset = offset;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void apply() {
		if (this.offset.isZero()) {
			return;
		}
		ClockUtil.offset(this.offset.toMillis());
		log.warn("app.clock.offset={}: the engine clock runs {} ahead of the wall clock (drills and tests only)",
				this.offset, this.offset);
	}

}

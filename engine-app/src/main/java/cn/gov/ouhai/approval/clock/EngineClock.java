package cn.gov.ouhai.approval.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Now, as the engine sees it; dates in Asia/Shanghai. */
public final class EngineClock {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private EngineClock() {
	}

	public static Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	public static LocalDate today() {
		return LocalDate.ofInstant(now(), ZONE);
	}

	/** An instant as API.md shows times: ISO 8601 with the +08:00 offset. */
	public static OffsetDateTime local(Instant instant) {
		return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
	}

}

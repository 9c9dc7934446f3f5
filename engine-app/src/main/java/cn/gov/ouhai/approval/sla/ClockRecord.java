package cn.gov.ouhai.approval.sla;

import java.time.Instant;

/** A row of {@code case_clock}. */
record ClockRecord(String caseNo, String processInstanceId, Instant startedAt, int limitWorkdays, Instant dueAt,
		int yellowWorkdays, Instant yellowAt, int pauseDepth, Instant pausedSince, PauseKind pauseKind, int pausedWorkdays,
		Instant stoppedAt) {
}

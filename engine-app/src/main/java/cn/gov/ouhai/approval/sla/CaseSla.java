package cn.gov.ouhai.approval.sla;

import java.time.Instant;
import java.time.LocalDate;

/** A case's time limit as people see it: due when, how many working days left, which light. */
public record CaseSla(String caseNo, int limitWorkdays, Instant dueAt, LocalDate dueDay, int workdaysLeft,
		Light light, boolean paused, PauseKind pauseKind, int pausedWorkdays) {
}

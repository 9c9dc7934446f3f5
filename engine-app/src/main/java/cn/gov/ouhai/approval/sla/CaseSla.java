package cn.gov.ouhai.approval.sla;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case's time limit as people see it: due when, how many working days left, which light;
 * {@code provisional} when it was counted on a year whose official schedule is not loaded yet.
 */
public record CaseSla(String caseNo, int limitWorkdays, Instant dueAt, LocalDate dueDay, int workdaysLeft,
		Light light, boolean paused, PauseKind pauseKind, int pausedWorkdays, boolean provisional) {
}

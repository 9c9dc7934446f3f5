package cn.gov.ouhai.approval.sla;

import java.time.Instant;

/**
 * What happened to a case's clock, published inside the engine's transaction so the case's own
 * module can put it on the timeline and in its status.
 */
public sealed interface CaseClockEvent {

	String caseNo();

	Instant at();

	/** The case was accepted and its clock started with the promised limit. */
	record Started(String caseNo, Instant at) implements CaseClockEvent {
	}

	/**
	 * The case was decided ahead of its end (告知承诺: on the applicant's commitment); its limit was met
	 * or missed now, whatever follows.
	 */
	record Stopped(String caseNo, Instant at) implements CaseClockEvent {
	}

	/** The case ended (decided, withdrawn or closed); its clock records when and the working days it used. */
	record Finished(String caseNo, Instant at) implements CaseClockEvent {
	}

	/** The clock stopped: the case is waiting for a supplement or in a special procedure. */
	record Paused(String caseNo, Instant at, PauseKind kind, String stepId, String stepName, String note)
			implements CaseClockEvent {
	}

	/** The clock runs again; the case's due date moved by the paused working days. */
	record Resumed(String caseNo, Instant at, PauseKind kind, int pausedWorkdays, Instant newDue)
			implements CaseClockEvent {
	}

	/**
	 * The official holiday schedule replaced the provisional calendar a deadline was counted on: the
	 * case's due date ({@code stepId} null) or a step's moved from {@code before} to {@code after}.
	 */
	record Adjusted(String caseNo, Instant at, String stepId, String stepName, Instant before, Instant after)
			implements CaseClockEvent {
	}

	/** A warning or escalation went to {@code addressee} about step {@code stepName}. */
	record Escalated(String caseNo, Instant at, String kind, String stepId, String stepName, String addressee,
			String message) implements CaseClockEvent {
	}

}

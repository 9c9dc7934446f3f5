package cn.gov.ouhai.approval.cases;

import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.sla.CaseClockEvent;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;

/**
 * Puts what happens to a case's clock on its timeline and in its status: SUSPENDED while the
 * clock is paused, in progress again after. Runs inside the engine's transaction, so the timeline
 * never disagrees with the process.
 */
@Component
class CaseClockTimeline {

	private final CaseMapper mapper;

	CaseClockTimeline(CaseMapper mapper) {
		this.mapper = mapper;
	}

	@EventListener
	void on(CaseClockEvent event) {
		if (event instanceof CaseClockEvent.Paused paused) {
			this.mapper.suspend(paused.caseNo());
			this.mapper.insertEvent(paused.caseNo(), new CaseEvent(paused.at(), "PAUSE", paused.stepId(),
					paused.stepName(), null, paused.kind().name(),
					"计时暂停：" + paused.kind().label() + (paused.note() == null ? "" : "，" + paused.note())));
		}
		else if (event instanceof CaseClockEvent.Resumed resumed) {
			this.mapper.moveStatus(resumed.caseNo(), CaseStatus.SUSPENDED, CaseStatus.IN_PROGRESS);
			this.mapper.insertEvent(resumed.caseNo(), new CaseEvent(resumed.at(), "RESUME", null, "恢复计时", null,
					resumed.kind() == null ? null : resumed.kind().name(),
					"暂停 " + resumed.pausedWorkdays() + " 个工作日，办结期限顺延"));
		}
		else if (event instanceof CaseClockEvent.Adjusted adjusted && this.mapper.find(adjusted.caseNo()) != null) {
			String what = adjusted.stepId() == null ? "办结期限" : "环节期限";
			this.mapper.insertEvent(adjusted.caseNo(), new CaseEvent(adjusted.at(), "CALENDAR", adjusted.stepId(),
					adjusted.stepId() == null ? "期限按正式日历调整" : Objects.requireNonNullElse(adjusted.stepName(), adjusted.stepId()),
					null, null,
					"期限按正式日历调整：" + what + "由 " + WorkdayCalendar.lastDayOf(adjusted.before()) + " 调整为 "
							+ WorkdayCalendar.lastDayOf(adjusted.after()) + "（当年放假安排已公布）"));
		}
		else if (event instanceof CaseClockEvent.Escalated escalated) {
			this.mapper.insertEvent(escalated.caseNo(), new CaseEvent(escalated.at(), "ESCALATION", escalated.stepId(),
					escalated.stepName(), escalated.addressee(), escalated.kind(), escalated.message()));
		}
	}

}

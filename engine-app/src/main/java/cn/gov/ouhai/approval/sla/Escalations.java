package cn.gov.ouhai.approval.sla;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.clock.EngineClock;

/**
 * Warnings and escalations, called from the diagrams' timer paths as
 * {@code ${escalation.notify(execution, 'head-scjg', 'RED')}}: who is told is in the diagram. The
 * step concerned is the one the timer that led here hangs on. Each notification is sent and goes
 * on the case's timeline.
 */
@Component("escalation")
public class Escalations {

	private final Notifier notifier;

	private final ApplicationEventPublisher events;

	Escalations(Notifier notifier, ApplicationEventPublisher events) {
		this.notifier = notifier;
		this.events = events;
	}

	/**
	 * @param addressee a group (a department's {@code dept-…} or {@code head-…}, {@code supervisor})
	 * @param kind {@code YELLOW} (near due), {@code RED} (overdue), {@code RED_ESCALATED} (still overdue)
	 */
	public void notify(DelegateExecution execution, String addressee, String kind) {
		String caseNo = execution.getProcessBusinessKey();
		FlowNode step = stepBehind(execution.getBpmnModelElementInstance());
		String stepName = step == null ? "办件" : step.getName();
		String message = switch (kind) {
			case "YELLOW" -> "【黄灯预警】办件 " + caseNo + " 的「" + stepName + "」即将到期，请抓紧办理。";
			case "RED" -> "【红灯督促】办件 " + caseNo + " 的「" + stepName + "」已超期，请部门负责人督促办理。";
			case "RED_ESCALATED" -> "【超期上报】办件 " + caseNo + " 的「" + stepName + "」超期已满一个工作日，报中心督查。";
			case "URGE_NEAR_DUE" -> "【督办提醒】办件 " + caseNo + " 的督办答复期限即将届满，请尽快答复。";
			case "URGE_OVERDUE" -> "【督办超时】办件 " + caseNo + " 的督办未在期限内答复，报中心督查。";
			case "REVIEW_UNRESOLVED" -> "【差评整改未获认可】办件 " + caseNo + " 的申请人不认可差评整改，报中心督查。";
			case "DEFICIENCY_REMINDER" -> "【容缺催告】办件 " + caseNo + " 尚有容缺受理时承诺后补的材料未交，请尽快补交，逾期将退件并记入信用记录。";
			default -> "【提醒】办件 " + caseNo + " 的「" + stepName + "」：" + kind;
		};
		Instant now = EngineClock.now();
		this.notifier.send(new Notification(caseNo, addressee, kind, message, now));
		this.events.publishEvent(new CaseClockEvent.Escalated(caseNo, now, kind, step == null ? null : step.getId(),
				stepName, addressee, message));
	}

	/** Walks back from the element the token is at to the step whose boundary timer started the path. */
	static FlowNode stepBehind(FlowElement element) {
		FlowElement current = element;
		for (int hops = 0; hops < 10 && current instanceof FlowNode node; hops++) {
			if (node instanceof BoundaryEvent boundary) {
				return (FlowNode) boundary.getAttachedTo();
			}
			if (node.getIncoming().size() != 1) {
				return null;
			}
			SequenceFlow incoming = node.getIncoming().iterator().next();
			current = incoming.getSource();
		}
		return null;
	}

}

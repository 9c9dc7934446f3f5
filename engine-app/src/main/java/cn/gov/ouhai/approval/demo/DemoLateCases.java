package cn.gov.ouhai.approval.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.cases.ApplicantType;
import cn.gov.ouhai.approval.cases.CaseRecord;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.cases.Channel;
import cn.gov.ouhai.approval.cases.Intake;
import cn.gov.ouhai.approval.cases.IntakeRequest;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.review.ReviewRequest;
import cn.gov.ouhai.approval.review.Reviews;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.security.Groups;
import cn.gov.ouhai.approval.sla.CalendarYearNotLoaded;
import cn.gov.ouhai.approval.sla.WorkdayCalendar;

/**
 * Something for the supervisors' dashboard on a first look: a birth registration taken in five
 * working days ago and still waiting (red, its escalations fire as soon as the job executor runs),
 * and a registration finished three working days ago whose applicant gave a bad review, so its
 * rectification is open and late. Intake and the steps run as usual, with the engine clock set back
 * while they do; it is reset right after.
 */
@Component
@Profile("demo")
class DemoLateCases {

	private static final Logger log = LoggerFactory.getLogger(DemoLateCases.class);

	private final Intake intake;

	private final Cases cases;

	private final Reviews reviews;

	private final TaskService tasks;

	private final WorkdayCalendar calendar;

	DemoLateCases(Intake intake, Cases cases, Reviews reviews, TaskService tasks, WorkdayCalendar calendar) {
		this.intake = intake;
		this.cases = cases;
		this.reviews = reviews;
		this.tasks = tasks;
		this.calendar = calendar;
	}

	void takeIn() {
		try {
			LocalDate today = EngineClock.today();
			back(this.calendar.subtractWorkdays(today, 5));
			accept("demo-late-birth-1", "GA-CSDJ-001", "OH-JINGSHAN", person("李四", "330304198805201235"),
					List.of("M01", "M02", "M03", "M04"));
			back(this.calendar.subtractWorkdays(today, 3));
			CaseRecord done = accept("demo-bad-review-1", "SCJG-GTDJ-001", "OH-CENTRE",
					person("王小明", "330304199107151239"), List.of("M01", "M02", "M03", "M04"));
			Task step = this.tasks.createTaskQuery().processInstanceId(done.processInstanceId()).singleResult();
			this.tasks.claim(step.getId(), "clerk");
			this.tasks.complete(step.getId(), Map.of("decision", "APPROVE", "opinion", "当场办结"));
			this.reviews.submit(done.caseNo(), new ReviewRequest(1, "窗口等候时间过长，办理人员解释不清",
					ReviewRequest.ReviewChannel.WINDOW), new CurrentUser("clerk", java.util.Set.of(Groups.WINDOW)));
			log.info("demo: a late birth registration and a bad review for the supervisors' dashboard (/supervision as supervisor)");
		}
		catch (CalendarYearNotLoaded outsideTheCalendar) {
			log.info("demo: no late cases: the working-day calendar does not reach back far enough");
		}
		finally {
			ClockUtil.reset();
		}
	}

	private static void back(LocalDate day) {
		ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(10, 0)).atZone(EngineClock.ZONE).toInstant()));
	}

	private CaseRecord accept(String requestId, String matter, String station, IntakeRequest.Applicant applicant,
			List<String> provided) {
		List<IntakeRequest.MaterialGiven> materials = provided.stream()
			.map(code -> new IntakeRequest.MaterialGiven(code, true))
			.toList();
		String caseNo = this.intake
			.accept(new IntakeRequest(requestId, matter, applicant, Channel.WINDOW, station, materials, false, null), "clerk")
			.record()
			.caseNo();
		return this.cases.find(caseNo).orElseThrow();
	}

	private static IntakeRequest.Applicant person(String name, String idNumber) {
		return new IntakeRequest.Applicant(ApplicantType.PERSON, name, idNumber, "13900001111");
	}

}

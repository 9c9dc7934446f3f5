package cn.gov.ouhai.approval.demo;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.cases.ApplicantType;
import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.cases.Channel;
import cn.gov.ouhai.approval.cases.Intake;
import cn.gov.ouhai.approval.cases.IntakeRequest;
import cn.gov.ouhai.approval.cases.PriorityReason;

/**
 * A few cases for a first look, taken in through intake like any other on the first start of an
 * empty demo database: a food licence for the 市场监管 approvers, a planning permit accepted with a
 * deficiency (容缺), a seal record received at 娄桥 for 公安, and a green-channel registration at
 * the window. Their applicants are invented; the check digits are real. Tests turn them off
 * ({@code app.demo.cases=false}): they make their own.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "app.demo.cases", havingValue = "true", matchIfMissing = true)
class DemoCases {

	private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

	private final Intake intake;

	private final Cases cases;

	DemoCases(Intake intake, Cases cases) {
		this.intake = intake;
		this.cases = cases;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void takeInDemoCases() {
		if (this.cases.any()) {
			return;
		}
		accept("demo-food-1", "SCJG-SPJY-001", "OH-CENTRE", org("温州市瓯海区好味餐饮店"),
				List.of("M01", "M02", "M03", "M04", "M05"), List.of(), false, null);
		accept("demo-permit-1", "ZRZY-GHXK-001", "OH-CENTRE", org("温州市瓯海区某建设有限公司"),
				List.of("M01", "M02", "M03"), List.of("M04"), true, null);
		accept("demo-seal-1", "GA-YZBA-001", "OH-LOUQIAO", org("温州市瓯海区娄桥某五金厂"), List.of("M01", "M02", "M03"),
				List.of(), false, null);
		accept("demo-registration-1", "SCJG-GTDJ-001", "OH-CENTRE",
				new IntakeRequest.Applicant(ApplicantType.PERSON, "张老伯", "330304195203151230", null),
				List.of("M01", "M02", "M03", "M04"), List.of(), false, PriorityReason.ELDERLY);
		log.info("demo: four cases taken in for a first look (GET /api/cases as clerk)");
	}

	private void accept(String requestId, String matter, String station, IntakeRequest.Applicant applicant,
			List<String> provided, List<String> missing, boolean commitment, PriorityReason priority) {
		List<IntakeRequest.MaterialGiven> materials = new ArrayList<>();
		provided.forEach(code -> materials.add(new IntakeRequest.MaterialGiven(code, true)));
		missing.forEach(code -> materials.add(new IntakeRequest.MaterialGiven(code, false)));
		this.intake.accept(new IntakeRequest(requestId, matter, applicant, Channel.WINDOW, station, materials, commitment,
				priority), "clerk");
	}

	private static IntakeRequest.Applicant org(String name) {
		return new IntakeRequest.Applicant(ApplicantType.ORG, name, "91330304MA2L8K5Q6F", null);
	}

}

package cn.gov.ouhai.approval.demo;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;

import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.files.IncomingFile;
import cn.gov.ouhai.approval.files.StagedUpload;
import cn.gov.ouhai.approval.files.Uploads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.bundles.BundleIntake;
import cn.gov.ouhai.approval.bundles.BundleRequest;
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

	private final Uploads uploads;

	private final Catalog catalog;

	private final BundleIntake bundles;

	private final DemoLateCases late;

	DemoCases(Intake intake, Cases cases, Uploads uploads, Catalog catalog, BundleIntake bundles, DemoLateCases late) {
		this.bundles = bundles;
		this.intake = intake;
		this.cases = cases;
		this.uploads = uploads;
		this.catalog = catalog;
		this.late = late;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void takeInDemoCases() {
		if (this.cases.any()) {
			return;
		}
		// the food licence came with scans of its application form and business licence
		accept("demo-food-1", "SCJG-SPJY-001", "OH-CENTRE", org("温州市瓯海区好味餐饮店"),
				List.of("M01", "M02", "M03", "M04", "M05"), List.of(), false, null,
				List.of(scan("M01", "食品经营许可申请书.pdf", "Food business licence application (demo scan)",
						"Applicant: Haowei Restaurant, Ouhai, Wenzhou", "Case material M01"),
						scan("M02", "营业执照.pdf", "Business licence (demo scan)", "Unified social credit code 91330304MA2L8K5Q6F",
								"Case material M02")));
		accept("demo-permit-1", "ZRZY-GHXK-001", "OH-CENTRE", org("温州市瓯海区某建设有限公司"),
				List.of("M01", "M02", "M03"), List.of("M04"), true, null, List.of());
		accept("demo-seal-1", "GA-YZBA-001", "OH-LOUQIAO", org("温州市瓯海区娄桥某五金厂"), List.of("M01", "M02", "M03"),
				List.of(), false, null, List.of());
		accept("demo-registration-1", "SCJG-GTDJ-001", "OH-CENTRE",
				new IntakeRequest.Applicant(ApplicantType.PERSON, "张老伯", "330304195203151230", null),
				List.of("M01", "M02", "M03", "M04"), List.of(), false, PriorityReason.ELDERLY, List.of());
		// 开办企业一件事: a company with a seal, invoices and a bank account, no employees yet
		this.bundles.accept("YJS-KBQY-001", new BundleRequest("demo-bundle-1", org("温州市瓯海区新开科技有限公司"),
				Channel.WINDOW, "OH-CENTRE",
				Map.of("needSeal", true, "needInvoice", true, "hireEmployees", false, "openBankAccount", true),
				List.of("K01", "K02", "K03", "K04", "K05", "K06", "K07", "K09")
					.stream()
					.map(code -> new IntakeRequest.MaterialGiven(code, true))
					.toList(),
				false, null), "clerk");
		log.info("demo: four cases and a 开办企业一件事 taken in for a first look (GET /api/cases as clerk)");
		this.late.takeIn();
	}

	private void accept(String requestId, String matter, String station, IntakeRequest.Applicant applicant,
			List<String> provided, List<String> missing, boolean commitment, PriorityReason priority,
			List<IncomingFile> scans) {
		List<IntakeRequest.MaterialGiven> materials = new ArrayList<>();
		provided.forEach(code -> materials.add(new IntakeRequest.MaterialGiven(code, true)));
		missing.forEach(code -> materials.add(new IntakeRequest.MaterialGiven(code, false)));
		Set<String> codes = new HashSet<>();
		this.catalog.matter(matter).orElseThrow().materials().forEach(m -> codes.add(m.code()));
		try (StagedUpload upload = this.uploads.stage(matter, codes, scans, null)) {
			this.intake.accept(new IntakeRequest(requestId, matter, applicant, Channel.WINDOW, station, materials,
					commitment, priority), upload, "clerk");
		}
	}

	private static IncomingFile scan(String material, String name, String... lines) {
		byte[] pdf = DemoDocuments.pdf(lines);
		return new IncomingFile(material, name, () -> new ByteArrayInputStream(pdf));
	}

	private static IntakeRequest.Applicant org(String name) {
		return new IntakeRequest.Applicant(ApplicantType.ORG, name, "91330304MA2L8K5Q6F", null);
	}

}

package cn.gov.ouhai.approval.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.EngineJobs;

/**
 * 一件事 end to end over HTTP: the questionnaire picks the matters, materials given once reach every
 * matter, one notice for the whole bundle, certificates released together, a denied matter as each
 * diagram decides, a late matter colours the bundle, withdrawal. Subclasses pick the database.
 */
abstract class BundlesContract {

	static final String COMPANY = "YJS-KBQY-001";

	static final String BIRTH = "YJS-CS-001";

	static final List<String> COMPANY_MATERIALS = List.of("K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09");

	static final List<String> BIRTH_MATERIALS = List.of("C01", "C02", "C03", "C04", "C05", "C06", "C07");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void listsTheBundlesWithTheirQuestionnairesAsQuestionsAndAsACamundaForm() {
		List<String> codes = new ArrayList<>();
		this.api.get("clerk", "/api/bundles").json().forEach(b -> codes.add(b.get("code").asText()));
		assertThat(codes).containsExactly(COMPANY, BIRTH);
		JsonNode company = this.api.get("clerk", "/api/bundles/" + COMPANY).json();
		assertThat(company.get("name").asText()).isEqualTo("开办企业一件事");
		assertThat(company.get("questions").findValuesAsText("key")).containsExactly("needSeal", "needInvoice",
				"hireEmployees", "openBankAccount");
		assertThat(company.get("questions").get(2).get("text").asText()).isEqualTo("是否马上招用员工？");
		assertThat(company.get("matters").findValuesAsText("code")).hasSize(6).contains("BANK-KHYY-001");
		assertThat(company.get("form").get("id").asText()).isEqualTo("form_BundleCompanyStartup");
		assertThat(company.get("form").get("schema").get("components").findValuesAsText("key")).contains("hireEmployees",
				"material_K08", "pii_idNumber");
		assertThat(this.api.get("clerk", "/api/bundles/NO-SUCH").status()).isEqualTo(404);
	}

	@Test
	void answersSelectTheMattersAndEachMatterIsACaseOfItsDepartment() {
		JsonNode everything = created(company(id(), true, true, true, true, COMPANY_MATERIALS, false));
		assertThat(everything.get("status").asText()).isEqualTo("ACCEPTED");
		assertThat(textValues(everything.get("matterCodes"))).containsExactly("SCJG-QYDJ-001", "GA-YZBA-001",
				"SWJ-FPLY-001", "RSJ-CBDJ-001", "GJJ-JCDJ-001", "BANK-KHYY-001");
		assertThat(everything.get("children").findValuesAsText("department")).containsExactly("scjg", "ga", "swj",
				"rsj", "gjj", "bank");

		// no employees yet, no seal: no social insurance, no housing fund, no seal record
		JsonNode lean = created(company(id(), false, true, false, true, COMPANY_MATERIALS, false));
		assertThat(textValues(lean.get("matterCodes"))).containsExactly("SCJG-QYDJ-001", "SWJ-FPLY-001", "BANK-KHYY-001");
		// their materials are not asked for: 职工花名册 (K08) may be missing without any notice
		JsonNode withoutRoster = created(company(id(), false, false, false, false,
				List.of("K01", "K02", "K03", "K04", "K05"), false));
		assertThat(withoutRoster.get("status").asText()).isEqualTo("ACCEPTED");
		assertThat(textValues(withoutRoster.get("matterCodes"))).containsExactly("SCJG-QYDJ-001");
		assertThat(this.api.get("clerk", "/api/cases/" + withoutRoster.get("caseNo").asText())
			.json()
			.get("materials")
			.findValuesAsText("code")).containsExactly("K01", "K02", "K03", "K04", "K05");

		JsonNode birth = created(birth(id(), true, true, false, BIRTH_MATERIALS, false));
		assertThat(textValues(birth.get("matterCodes"))).containsExactly("WJJ-CSZM-001", "GA-CSDJ-001", "YBJ-JMCB-001");

		// each matter is a case of its own, with its own number, clock and department task
		String bundleNo = everything.get("caseNo").asText();
		List<String> children = everything.get("children").findValuesAsText("caseNo");
		assertThat(children).hasSize(6).doesNotContain(bundleNo).doesNotHaveDuplicates();
		for (String child : children) {
			JsonNode detail = this.api.get("clerk", "/api/cases/" + child).json();
			assertThat(detail.get("bundleCaseNo").asText()).isEqualTo(bundleNo);
			assertThat(detail.get("sla").get("dueDay")).isNotNull();
		}
		// each department sees its own matter's task and no other
		assertThat(taskCases("approver-ga")).contains(children.get(1)).doesNotContain(children.get(0), children.get(2));
		assertThat(taskCases("approver-bank")).contains(children.get(5)).doesNotContain(children.get(0), children.get(1));
		assertThat(taskCases("approver-scjg")).contains(children.get(0)).doesNotContain(children.get(1), children.get(5));
		assertThat(this.api.get("approver-ga", "/api/cases/" + children.get(0)).status()).isEqualTo(403);

		// the same request again answers the same bundle
		Map<String, Object> again = company("again-" + UUID.randomUUID(), false, false, false, false, COMPANY_MATERIALS,
				false);
		String first = created(again).get("caseNo").asText();
		Api.Response repeated = this.api.post("clerk", "/api/bundles/" + COMPANY + "/cases", again);
		assertThat(repeated.status()).isEqualTo(200);
		assertThat(repeated.json().get("caseNo").asText()).isEqualTo(first);
	}

	@Test
	void materialsGivenOnceReachEveryMatterThatNeedsThem() {
		JsonNode bundle = created(company(id(), true, true, true, true, COMPANY_MATERIALS, false));
		Map<String, JsonNode> children = childrenByMatter(bundle);
		// 经办人身份证明 (K06) serves the seal record, the invoices and the housing fund
		assertThat(provided(children.get("GA-YZBA-001"))).contains("M01", "M02", "M03");
		assertThat(provided(children.get("SWJ-FPLY-001"))).contains("M02");
		assertThat(provided(children.get("GJJ-JCDJ-001"))).contains("M03");
		// the one combined form (K01) is every matter's application form
		children.values().forEach(child -> assertThat(provided(child)).contains("M01"));
		// the business licence is shared from the registration, never asked from the applicant
		assertThat(provided(children.get("RSJ-CBDJ-001"))).contains("M02");
		assertThat(provided(children.get("BANK-KHYY-001"))).containsExactly("M01", "M02", "M03");
	}

	@Test
	void oneNoticeListsEverythingMissingAcrossTheBundle() {
		long before = count();
		// 股东主体资格证明 (registration, main) and 职工花名册 (insurance, secondary) missing, no commitment
		List<String> given = new ArrayList<>(COMPANY_MATERIALS);
		given.removeAll(List.of("K03", "K08"));
		JsonNode notice = created(company(id(), true, true, true, true, given, false));
		assertThat(notice.get("status").asText()).isEqualTo("NOTICE_ISSUED");
		assertThat(notice.get("notice").get("title").asText()).isEqualTo("一次性告知书");
		assertThat(notice.get("notice").get("missing").findValuesAsText("code")).containsExactly("K03", "K08");
		assertThat(notice.get("notice").get("text").asText()).contains("开办企业一件事").contains("2 项");
		assertThat(notice.has("children")).isTrue();
		assertThat(notice.get("children")).isEmpty();
		assertThat(count()).isEqualTo(before + 1); // the bundle's case only: no matter taken in, no process
		assertThat(this.jdbc.queryForObject("SELECT process_instance_id FROM service_case WHERE case_no = ?",
				String.class, notice.get("caseNo").asText())).isNull();

		// only secondary ones missing and the applicant commits: 容缺 for the bundle, owed by the matters that need them
		given = new ArrayList<>(COMPANY_MATERIALS);
		given.removeAll(List.of("K05", "K08"));
		JsonNode deficient = created(company(id(), true, true, true, true, given, true));
		assertThat(deficient.get("status").asText()).isEqualTo("ACCEPTED_WITH_DEFICIENCY");
		assertThat(deficient.get("notice").get("title").asText()).isEqualTo("容缺受理通知书");
		assertThat(deficient.get("notice").get("missing").findValuesAsText("code")).containsExactly("K05", "K08");
		Map<String, String> statuses = new LinkedHashMap<>();
		childrenByMatter(deficient).forEach((matter, child) -> statuses.put(matter, child.get("status").asText()));
		assertThat(statuses).containsEntry("SCJG-QYDJ-001", "ACCEPTED_WITH_DEFICIENCY")
			.containsEntry("RSJ-CBDJ-001", "ACCEPTED_WITH_DEFICIENCY")
			.containsEntry("GA-YZBA-001", "ACCEPTED")
			.containsEntry("BANK-KHYY-001", "ACCEPTED");

		// handed in once for the bundle, the owed materials reach the matters that owe them
		String bundleNo = deficient.get("caseNo").asText();
		Api.Response supplied = this.api.post("clerk", "/api/bundles/cases/" + bundleNo + "/supplements",
				Map.of("materials", List.of("K05", "K08")));
		assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);
		assertThat(supplied.json().get("stillMissing")).isEmpty();
		assertThat(supplied.json().get("matters").size()).isEqualTo(2);
		for (String matter : List.of("SCJG-QYDJ-001", "RSJ-CBDJ-001")) {
			String child = childrenByMatter(deficient).get(matter).get("caseNo").asText();
			assertThat(this.runtime.getVariable(processOf(child), "deficiencyCleared")).isEqualTo(true);
		}
		assertThat(this.api.post("clerk", "/api/bundles/cases/" + bundleNo + "/supplements",
				Map.of("materials", List.of("M01"))).status()).isEqualTo(400);
	}

	@Test
	void releasesEveryCertificateTogetherAtTheLastApproval() {
		at("2026-11-23T02:00:00Z");
		JsonNode bundle = created(birth(id(), true, false, false, BIRTH_MATERIALS, false));
		String bundleNo = bundle.get("caseNo").asText();
		Map<String, JsonNode> children = childrenByMatter(bundle);
		String certificate = children.get("WJJ-CSZM-001").get("caseNo").asText();
		String registration = children.get("GA-CSDJ-001").get("caseNo").asText();

		complete("approver-wjj", certificate, "APPROVE");
		EngineJobs.runDue(this.management, processOf(bundleNo));
		assertThat(status(certificate)).isEqualTo("APPROVED"); // approved, its certificate held back
		assertThat(status(registration)).isEqualTo("ACCEPTED");
		assertThat(status(bundleNo)).isEqualTo("IN_PROGRESS");

		at("2026-11-24T03:00:00Z");
		complete("approver-ga", registration, "APPROVE");
		EngineJobs.runDue(this.management, processOf(bundleNo));
		assertThat(status(certificate)).isEqualTo("COMPLETED");
		assertThat(status(registration)).isEqualTo("COMPLETED");
		assertThat(status(bundleNo)).isEqualTo("COMPLETED");
		assertThat(completedAt(certificate)).isEqualTo(completedAt(registration)).isEqualTo(completedAt(bundleNo));

		// the bundle's timeline shows its matters' steps and the one release
		JsonNode detail = this.api.get("clerk", "/api/cases/" + bundleNo).json();
		List<String> steps = new ArrayList<>();
		detail.get("timeline").forEach(e -> steps.add(e.get("caseNo").asText() + " " + e.get("step").asText()));
		assertThat(steps).contains(certificate + " 签发出生医学证明", registration + " 办理出生登记", bundleNo + " 证照统一发放",
				bundleNo + " 证照已统一发放");
		assertThat(detail.get("children").findValuesAsText("status")).containsOnly("COMPLETED");
		assertThat(this.jdbc.queryForList("SELECT kind FROM notification WHERE case_no = ? AND addressee = 'applicant'",
				String.class, bundleNo)).containsExactly("BUNDLE_RELEASED");
	}

	@Test
	void oneDeniedMatterStopsTheWholeCompanyStartup() {
		JsonNode bundle = created(company(id(), true, false, false, false, COMPANY_MATERIALS, false));
		String bundleNo = bundle.get("caseNo").asText();
		Map<String, JsonNode> children = childrenByMatter(bundle);
		String registration = children.get("SCJG-QYDJ-001").get("caseNo").asText();
		String seal = children.get("GA-YZBA-001").get("caseNo").asText();

		complete("approver-ga", seal, "APPROVE");
		assertThat(status(seal)).isEqualTo("APPROVED");
		complete("approver-scjg", registration, "DENY");
		EngineJobs.runDue(this.management, processOf(bundleNo));

		assertThat(status(registration)).isEqualTo("DENIED");
		assertThat(status(seal)).isEqualTo("WITHDRAWN"); // approved, but never released
		assertThat(status(bundleNo)).isEqualTo("DENIED");
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(seal).count()).isZero();
		assertThat(notices(bundleNo)).singleElement().asString().contains("未获准 「企业设立登记（有限责任公司）」")
			.contains("一并终止 「公章刻制备案」");
	}

	@Test
	void oneDeniedMatterLetsTheOtherBirthCertificatesGoOutTogether() {
		JsonNode bundle = created(birth(id(), true, true, false, BIRTH_MATERIALS, false));
		String bundleNo = bundle.get("caseNo").asText();
		Map<String, JsonNode> children = childrenByMatter(bundle);
		String certificate = children.get("WJJ-CSZM-001").get("caseNo").asText();
		String registration = children.get("GA-CSDJ-001").get("caseNo").asText();
		String insurance = children.get("YBJ-JMCB-001").get("caseNo").asText();

		complete("approver-wjj", certificate, "APPROVE");
		complete("approver-ybj", insurance, "APPROVE");
		EngineJobs.runDue(this.management, processOf(bundleNo));
		assertThat(status(certificate)).isEqualTo("APPROVED");
		complete("approver-ga", registration, "DENY");
		EngineJobs.runDue(this.management, processOf(bundleNo));

		assertThat(status(registration)).isEqualTo("DENIED");
		assertThat(status(certificate)).isEqualTo("COMPLETED");
		assertThat(status(insurance)).isEqualTo("COMPLETED");
		assertThat(status(bundleNo)).isEqualTo("COMPLETED");
		// one notice: what was released and what was not
		assertThat(notices(bundleNo)).last().asString().contains("已发放 「《出生医学证明》首次签发」")
			.contains("未获准 「出生登记（户口登记）」");
	}

	@Test
	void aLateMatterTurnsTheBundleYellowThenRedAndTheBundleEscalatesOnItsOwnLimit() {
		at("2026-11-23T02:00:00Z"); // Mon 23 Nov, 10:00
		JsonNode bundle = created(birth(id(), true, false, false, BIRTH_MATERIALS, false));
		String bundleNo = bundle.get("caseNo").asText();
		// the bundle promises 5 working days: due at 24:00 Mon 30 Nov; 出生登记 promises 1: 24:00 Tue 24 Nov
		assertThat(bundle.get("dueDay").asText()).isEqualTo("2026-11-30");
		String registration = childrenByMatter(bundle).get("GA-CSDJ-001").get("caseNo").asText();
		assertThat(bundleSla(bundleNo).get("light").asText()).isEqualTo("GREEN");
		at("2026-11-24T02:00:00Z"); // Tue 24 Nov, 10:00: 出生登记 has its last working day left
		assertThat(bundleSla(bundleNo).get("light").asText()).isEqualTo("YELLOW");
		assertThat(bundleSla(bundleNo).get("workdaysLeft").asInt()).isEqualTo(5);

		at("2026-11-24T18:00:00Z"); // Wed 25 Nov, 02:00: 出生登记 is late, the bundle as a whole is not
		JsonNode detail = this.api.get("supervisor", "/api/cases/" + bundleNo).json();
		assertThat(detail.get("sla").get("light").asText()).isEqualTo("RED");
		assertThat(detail.get("sla").get("workdaysLeft").asInt()).isEqualTo(4);
		Map<String, String> lights = new LinkedHashMap<>();
		detail.get("children").forEach(c -> lights.put(c.get("caseNo").asText(), c.get("sla").get("light").asText()));
		assertThat(lights).containsEntry(registration, "RED").containsValue("GREEN");

		// the bundle's own limit: a warning to the window the day before, the supervisors when it runs out
		String pid = processOf(bundleNo);
		assertThat(EngineJobs.timers(this.management, pid))
			.containsEntry("BoundaryEvent_BundleNearDue", Instant.parse("2026-11-27T16:00:00Z"))
			.containsEntry("BoundaryEvent_BundleOverdue", Instant.parse("2026-11-30T16:00:00Z"));
		at("2026-11-30T18:00:00Z"); // Tue 1 Dec, 02:00
		EngineJobs.runDue(this.management, pid);
		assertThat(this.jdbc.queryForList("SELECT addressee FROM notification WHERE case_no = ? ORDER BY id",
				String.class, bundleNo)).containsExactly("window", "supervisor");
	}

	@Test
	void withdrawingTheBundleWithdrawsEveryOpenMatter() {
		JsonNode bundle = created(company(id(), true, true, false, false, COMPANY_MATERIALS, false));
		String bundleNo = bundle.get("caseNo").asText();
		Map<String, JsonNode> children = childrenByMatter(bundle);
		String seal = children.get("GA-YZBA-001").get("caseNo").asText();
		complete("approver-ga", seal, "APPROVE");

		assertThat(this.api.post("approver-scjg", "/api/bundles/cases/" + bundleNo + "/withdraw", "").status())
			.isEqualTo(403);
		Api.Response withdrawn = this.api.post("clerk", "/api/bundles/cases/" + bundleNo + "/withdraw", "");
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.json().get("children").findValuesAsText("status")).hasSize(3).containsOnly("WITHDRAWN");
		for (JsonNode child : children.values()) {
			String caseNo = child.get("caseNo").asText();
			assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count()).isZero();
			assertThat(taskCases("approver-" + child.get("department").asText())).doesNotContain(caseNo);
		}
		assertThat(this.api.post("clerk", "/api/bundles/cases/" + bundleNo + "/withdraw", "").status()).isEqualTo(409);
		assertThat(this.api.post("clerk", "/api/bundles/cases/" + seal + "/withdraw", "").status()).isEqualTo(400);
	}

	@Test
	void startsABundleFromItsQuestionnaireFormInTasklist() {
		StringBuilder materials = new StringBuilder();
		BIRTH_MATERIALS.forEach(code -> materials.append("\"material_").append(code).append("\": {\"value\": true, \"type\": \"Boolean\"},"));
		String form = """
				{"variables": {
				  "applicantType": {"value": "PERSON", "type": "String"},
				  "pii_applicantName": {"value": "王五", "type": "String"},
				  "pii_idNumber": {"value": "%s", "type": "String"},
				  "pii_phone": {"value": "13900002222", "type": "String"},
				  "station": {"value": "OH-CENTRE", "type": "String"},
				  %s
				  "registerHousehold": {"value": true, "type": "Boolean"},
				  "enrolMedicalInsurance": {"value": false, "type": "Boolean"},
				  "commitment": {"value": false, "type": "Boolean"}
				}}""".formatted(Applicants.PERSON_ID, materials);
		Api.Response started = this.api.post("clerk", "/engine-rest/process-definition/key/Process_BirthBundle/submit-form",
				form);
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		String bundleNo = started.json().get("businessKey").asText();
		JsonNode detail = this.api.get("clerk", "/api/cases/" + bundleNo).json();
		assertThat(detail.get("matter").get("code").asText()).isEqualTo(BIRTH);
		assertThat(detail.get("children").findValuesAsText("code")).containsExactly("WJJ-CSZM-001", "GA-CSDJ-001");
		assertThat(this.runtime.getVariables(started.json().get("id").asText())).doesNotContainKeys("pii_idNumber",
				"pii_phone", "pii_applicantName");
		String registration = detail.get("children").get(1).get("caseNo").asText();
		assertThat(taskCases("approver-ga")).contains(registration);
	}

	@Test
	void refusesBadInputWithReasonsAndRecordsNothing() {
		long before = count();
		Map<String, Object> body = company(id(), true, true, true, true, COMPANY_MATERIALS, false);
		@SuppressWarnings("unchecked")
		Map<String, Object> answers = (Map<String, Object>) body.get("answers");
		answers.remove("needSeal");
		answers.put("hasYacht", true);
		body.put("materials", List.of(Map.of("code", "K01", "provided", true), Map.of("code", "X99", "provided", true)));
		Api.Response bad = this.api.post("clerk", "/api/bundles/" + COMPANY + "/cases", body);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("fields").has("answers.needSeal")).isTrue();
		assertThat(bad.json().get("fields").has("answers.hasYacht")).isTrue();
		assertThat(bad.json().get("fields").get("materials[1].code").asText()).contains("X99");

		// a person cannot open a company: the registration's own intake says so
		Map<String, Object> person = company(id(), false, false, false, false, COMPANY_MATERIALS, false);
		person.put("applicant", Map.of("type", "PERSON", "name", "张三", "idNumber", Applicants.PERSON_ID));
		JsonNode refused = created(person);
		assertThat(refused.get("status").asText()).isEqualTo("REFUSED");
		assertThat(refused.get("notice").get("text").asText()).contains("企业设立登记");

		// a bundle is not taken in as a single matter
		Api.Response single = this.api.post("clerk", "/api/cases",
				Applicants.intake(id(), COMPANY, "OH-CENTRE", COMPANY_MATERIALS, COMPANY_MATERIALS));
		assertThat(single.status()).isEqualTo(400);
		assertThat(single.json().get("error").asText()).isEqualTo("BUNDLE_MATTER");
		assertThat(this.api.post("approver-scjg", "/api/bundles/" + COMPANY + "/cases", body).status()).isEqualTo(403);
		assertThat(count()).isEqualTo(before + 1); // only the refusal, recorded with its notice
	}

	// --- helpers

	private static Map<String, Object> company(String requestId, boolean seal, boolean invoice, boolean employees,
			boolean bank, List<String> provided, boolean commitment) {
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("needSeal", seal);
		answers.put("needInvoice", invoice);
		answers.put("hireEmployees", employees);
		answers.put("openBankAccount", bank);
		Map<String, Object> body = body(requestId, answers, provided, COMPANY_MATERIALS, commitment);
		body.put("applicant", Map.of("type", "ORG", "name", "温州市瓯海区新开科技有限公司", "idNumber",
				Applicants.COMPANY_CODE, "phone", "13812345678"));
		body.put("bundle", COMPANY);
		return body;
	}

	private static Map<String, Object> birth(String requestId, boolean household, boolean insurance, boolean card,
			List<String> provided, boolean commitment) {
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("registerHousehold", household);
		answers.put("enrolMedicalInsurance", insurance);
		answers.put("applySocialSecurityCard", card);
		Map<String, Object> body = body(requestId, answers, provided, BIRTH_MATERIALS, commitment);
		body.put("applicant", Map.of("type", "PERSON", "name", "李四", "idNumber", Applicants.PERSON_ID, "phone",
				"13812345678"));
		body.put("bundle", BIRTH);
		return body;
	}

	private static Map<String, Object> body(String requestId, Map<String, Object> answers, List<String> provided,
			List<String> all, boolean commitment) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("requestId", requestId);
		body.put("channel", "WINDOW");
		body.put("station", "OH-CENTRE");
		body.put("answers", answers);
		List<Map<String, Object>> materials = new ArrayList<>();
		all.forEach(code -> materials.add(Map.of("code", code, "provided", provided.contains(code))));
		body.put("materials", materials);
		body.put("commitment", commitment);
		return body;
	}

	/** Posts a bundle intake (the body names its bundle) and expects 201. */
	private JsonNode created(Map<String, Object> body) {
		Map<String, Object> sent = new LinkedHashMap<>(body);
		String bundle = (String) sent.remove("bundle");
		Api.Response response = this.api.post("clerk", "/api/bundles/" + bundle + "/cases", sent);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private Map<String, JsonNode> childrenByMatter(JsonNode bundle) {
		Map<String, JsonNode> children = new LinkedHashMap<>();
		bundle.get("children").forEach(c -> children.put(c.get("matterCode").asText(), c));
		return children;
	}

	private List<String> provided(JsonNode child) {
		List<String> codes = new ArrayList<>();
		this.api.get("clerk", "/api/cases/" + child.get("caseNo").asText())
			.json()
			.get("materials")
			.forEach(m -> {
				if (m.get("provided").asBoolean()) {
					codes.add(m.get("code").asText());
				}
			});
		return codes;
	}

	private List<String> taskCases(String user) {
		return this.api.get(user, "/api/tasks").json().findValuesAsText("caseNo");
	}

	private void complete(String user, String caseNo, String decision) {
		String taskId = null;
		for (JsonNode task : this.api.get(user, "/api/tasks").json()) {
			if (caseNo.equals(task.get("caseNo").asText())) {
				taskId = task.get("id").asText();
			}
		}
		assertThat(taskId).as("a task of " + caseNo + " for " + user).isNotNull();
		Api.Response done = this.api.post(user, "/api/tasks/" + taskId + "/complete",
				Map.of("decision", decision, "opinion", "一件事测试"));
		assertThat(done.status()).as(done.toString()).isEqualTo(204);
	}

	private String status(String caseNo) {
		return this.jdbc.queryForObject("SELECT status FROM service_case WHERE case_no = ?", String.class, caseNo);
	}

	private Object completedAt(String caseNo) {
		return this.jdbc.queryForObject("SELECT completed_at FROM service_case WHERE case_no = ?", Object.class, caseNo);
	}

	private String processOf(String caseNo) {
		return this.jdbc.queryForObject("SELECT process_instance_id FROM service_case WHERE case_no = ?", String.class,
				caseNo);
	}

	private JsonNode bundleSla(String caseNo) {
		return this.api.get("clerk", "/api/cases/" + caseNo).json().get("sla");
	}

	private List<String> notices(String caseNo) {
		List<String> texts = new ArrayList<>();
		this.api.get("clerk", "/api/cases/" + caseNo).json().get("timeline").forEach(e -> {
			if ("NOTICE".equals(e.get("kind").asText()) && e.get("caseNo").asText().equals(caseNo)) {
				texts.add(e.get("opinion").asText());
			}
		});
		return texts;
	}

	private long count() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM service_case", Long.class);
	}

	private static List<String> textValues(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asText()));
		return values;
	}

	private static String id() {
		return "bundle-" + UUID.randomUUID();
	}

	private static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

}

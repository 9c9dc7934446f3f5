package cn.gov.ouhai.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;

/**
 * The REST contract of intake and tasks over real HTTP, run on every database the platform
 * supports (subclasses pick the database).
 */
abstract class CaseLifecycleApiContract {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void takesAPromisedMatterFromIntakeToCompletionWithItsTimeline() {
		Api.Response intake = this.api.post("clerk", "/api/cases", Applicants.foodLicence(requestId()));
		assertThat(intake.status()).as(intake.toString()).isEqualTo(201);
		String caseNo = intake.json().get("caseNo").asText();
		assertThat(caseNo).matches("330304-\\d{8}-\\d{6}");
		assertThat(intake.json().get("status").asText()).isEqualTo("ACCEPTED");

		completeOnlyTask("approver-scjg", caseNo, "Task_ReviewMaterials", "APPROVE", "材料齐全，符合要求");
		completeOnlyTask("head-scjg", caseNo, "Task_DecideLicence", "APPROVE", "准予许可");
		completeOnlyTask("approver-scjg", caseNo, "Task_IssueLicence", "APPROVE", null);

		JsonNode detail = this.api.get("clerk", "/api/cases/" + caseNo).json();
		assertThat(detail.get("status").asText()).isEqualTo("COMPLETED");
		assertThat(detail.get("completedAt").asText()).endsWith("+08:00");
		List<String> steps = new ArrayList<>();
		detail.get("timeline").forEach(e -> steps.add(e.get("kind").asText() + ":" + e.get("step").asText() + ":"
				+ e.get("actor").asText() + ":" + e.get("decision").asText()));
		assertThat(steps).containsExactly("INTAKE:受理申请:clerk:ACCEPTED",
				"STEP:审查申请材料:approver-scjg:APPROVE", "STEP:作出许可决定:head-scjg:APPROVE",
				"STEP:制发许可证:approver-scjg:APPROVE", "STATUS:许可证已送达:null:COMPLETED");
		assertThat(detail.get("timeline").get(1).get("opinion").asText()).isEqualTo("材料齐全，符合要求");
		// personal data leaves only masked
		assertThat(detail.get("applicant").get("idNumber").asText()).isEqualTo("913303********5Q6F");
		assertThat(detail.get("applicant").get("phone").asText()).isEqualTo("138****5678");
		assertThat(detail.toString()).doesNotContain(Applicants.COMPANY_CODE).doesNotContain("13812345678");
	}

	@Test
	void headReturnsTheCaseForAnotherReviewAndDeniesIt() {
		String caseNo = this.api.post("clerk", "/api/cases", Applicants.foodLicence(requestId()))
			.json()
			.get("caseNo")
			.asText();
		completeOnlyTask("approver-scjg", caseNo, "Task_ReviewMaterials", "APPROVE", null);
		completeOnlyTask("head-scjg", caseNo, "Task_DecideLicence", "RETURN", "场所布局图不清晰，重新审查");
		completeOnlyTask("approver-scjg", caseNo, "Task_ReviewMaterials", "DENY", "布局不符合要求");
		JsonNode detail = this.api.get("supervisor", "/api/cases/" + caseNo).json();
		assertThat(detail.get("status").asText()).isEqualTo("DENIED");
		assertThat(detail.get("timeline").get(detail.get("timeline").size() - 1).get("step").asText())
			.isEqualTo("不予许可");
	}

	@Test
	void decidesAnImmediateMatterAtTheWindow() {
		List<String> all = List.of("M01", "M02", "M03", "M04");
		Map<String, Object> body = Applicants.personIntake(requestId(), "SCJG-GTDJ-001", "OH-ZEYA", all, all);
		String caseNo = this.api.post("clerk", "/api/cases", body).json().get("caseNo").asText();
		completeOnlyTask("clerk", caseNo, "Task_DecideRegistration", "APPROVE", "当场办结");
		assertThat(this.api.get("clerk", "/api/cases/" + caseNo).json().get("status").asText()).isEqualTo("COMPLETED");
	}

	@Test
	void refusesAnonymousCalls() {
		assertThat(this.api.get(null, "/api/matters").status()).isEqualTo(401);
		assertThat(this.api.get(null, "/api/cases/330304-20260101-000001").status()).isEqualTo(401);
		assertThat(this.api.post(null, "/api/cases", Applicants.foodLicence(requestId())).status()).isEqualTo(401);
		assertThat(this.api.get(null, "/engine-rest/task").status()).isEqualTo(401);
		assertThat(this.api.get("nobody:wrong", "/api/matters").status()).isEqualTo(401);
	}

	@Test
	void forbidsCompletingAnotherDepartmentsTask() {
		String caseNo = this.api.post("clerk", "/api/cases", Applicants.foodLicence(requestId()))
			.json()
			.get("caseNo")
			.asText();
		String taskId = taskOf("approver-scjg", caseNo).get("id").asText();
		Api.Response foreign = this.api.post("approver-wjj", "/api/tasks/" + taskId + "/complete",
				Map.of("decision", "APPROVE"));
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.json().get("error").asText()).isEqualTo("FORBIDDEN");
		assertThat(this.api.get("approver-wjj", "/api/cases/" + caseNo).status()).isEqualTo(403);
		assertThat(this.api.get("approver-wjj", "/api/tasks").json().findValuesAsText("caseNo")).doesNotContain(caseNo);
		// nothing changed: the task is still open for its own department
		assertThat(taskOf("approver-scjg", caseNo).get("id").asText()).isEqualTo(taskId);
	}

	@Test
	void answersFieldErrorsForABadIntakeAndStoresNothing() {
		long before = cases();
		Api.Response bad = this.api.post("clerk", "/api/cases",
				"{\"requestId\":\"\",\"matterCode\":\"SCJG-SPJY-001\",\"applicant\":{\"type\":\"PERSON\",\"name\":\"\","
						+ "\"idNumber\":\"330304199003071235\",\"phone\":\"12\"},\"channel\":\"WINDOW\","
						+ "\"station\":\"OH-CENTRE\",\"materials\":[]}");
		assertThat(bad.status()).isEqualTo(400);
		JsonNode fields = bad.json().get("fields");
		assertThat(fields.has("requestId")).isTrue();
		assertThat(fields.has("applicant.name")).isTrue();
		assertThat(fields.has("applicant.phone")).isTrue();

		Map<String, Object> wrongCheckDigit = Applicants.foodLicence(requestId());
		wrongCheckDigit.put("applicant", Map.of("type", "PERSON", "name", "张三", "idNumber", "330304199003071235"));
		Api.Response checkDigit = this.api.post("clerk", "/api/cases", wrongCheckDigit);
		assertThat(checkDigit.status()).isEqualTo(400);
		assertThat(checkDigit.json().get("fields").get("applicant.idNumber").asText()).contains("居民身份证");

		Map<String, Object> unknownMaterial = Applicants.intake(requestId(), "SCJG-SPJY-001", "OH-CENTRE",
				List.of("M01"), List.of("M01", "M99"));
		assertThat(this.api.post("clerk", "/api/cases", unknownMaterial).json().get("fields").has("materials[1].code"))
			.isTrue();

		Map<String, Object> wrongStation = Applicants.foodLicence(requestId());
		wrongStation.put("station", "OH-ZEYA");
		assertThat(this.api.post("clerk", "/api/cases", wrongStation).json().get("fields").get("station").asText())
			.contains("不受理");

		assertThat(this.api.post("clerk", "/api/cases", "{not json").status()).isEqualTo(400);
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void answers404ForAnUnknownMatter() {
		Map<String, Object> body = Applicants.foodLicence(requestId());
		body.put("matterCode", "NO-SUCH-MATTER");
		Api.Response response = this.api.post("clerk", "/api/cases", body);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("error").asText()).isEqualTo("MATTER_NOT_FOUND");
		assertThat(this.api.get("clerk", "/api/matters/NO-SUCH-MATTER").status()).isEqualTo(404);
	}

	@Test
	void answersTheSameCaseForARepeatedRequestId() {
		Map<String, Object> body = Applicants.foodLicence(requestId());
		Api.Response first = this.api.post("clerk", "/api/cases", body);
		Api.Response again = this.api.post("clerk", "/api/cases", body);
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("caseNo").asText()).isEqualTo(first.json().get("caseNo").asText());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM service_case WHERE request_id = ?", Long.class,
				body.get("requestId"))).isEqualTo(1);
	}

	@Test
	void issuesAOneTimeNoticeListingEveryMissingMaterial() {
		Map<String, Object> body = Applicants.intake(requestId(), "SCJG-SPJY-001", "OH-CENTRE",
				List.of("M01", "M04"), List.of("M01", "M02", "M03", "M04", "M05"));
		Api.Response response = this.api.post("clerk", "/api/cases", body);
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("status").asText()).isEqualTo("NOTICE_ISSUED");
		assertThat(response.json().get("notice").get("missing").findValuesAsText("code")).containsExactly("M02", "M03",
				"M05");
		String caseNo = response.json().get("caseNo").asText();
		assertThat(this.jdbc.queryForObject("SELECT process_instance_id FROM service_case WHERE case_no = ?",
				String.class, caseNo)).isNull();
	}

	@Test
	void givesUniqueCaseNumbersToConcurrentIntakes() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Api.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				String id = requestId();
				calls.add(() -> this.api.post("clerk", "/api/cases", Applicants.foodLicence(id)));
			}
			// and the same requestId eight times at once: one case
			String shared = requestId();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> this.api.post("clerk", "/api/cases", Applicants.foodLicence(shared)));
			}
			Set<String> numbers = new HashSet<>();
			Set<String> sharedNumbers = new HashSet<>();
			List<Future<Api.Response>> results = pool.invokeAll(calls);
			for (int i = 0; i < results.size(); i++) {
				Api.Response response = results.get(i).get();
				assertThat(response.status()).as(response.toString()).isIn(200, 201);
				(i < 24 ? numbers : sharedNumbers).add(response.json().get("caseNo").asText());
			}
			assertThat(numbers).hasSize(24);
			assertThat(sharedNumbers).hasSize(1).doesNotContainAnyElementsOf(numbers);
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM service_case WHERE request_id = ?", Long.class,
					shared)).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	JsonNode taskOf(String user, String caseNo) {
		for (JsonNode task : this.api.get(user, "/api/tasks").json()) {
			if (caseNo.equals(task.get("caseNo").asText())) {
				return task;
			}
		}
		throw new AssertionError("no task of case " + caseNo + " for " + user);
	}

	void completeOnlyTask(String user, String caseNo, String stepId, String decision, String opinion) {
		JsonNode task = taskOf(user, caseNo);
		assertThat(task.get("stepId").asText()).isEqualTo(stepId);
		Api.Response done = this.api.post(user, "/api/tasks/" + task.get("id").asText() + "/complete",
				opinion == null ? Map.of("decision", decision) : Map.of("decision", decision, "opinion", opinion));
		assertThat(done.status()).as(done.toString()).isEqualTo(204);
	}

	long cases() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM service_case", Long.class);
	}

	static String requestId() {
		return "t-" + UUID.randomUUID();
	}

}

package cn.gov.ouhai.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;

/**
 * Intake as the law works it, over HTTP: the outcomes of the decision table Decision_IntakeOutcome,
 * routing by Decision_Routing, the credit exclusion and the commitment checks. Subclasses pick the
 * database.
 */
abstract class IntakeOutcomesContract {

	static final List<String> FOOD = List.of("M01", "M02", "M03", "M04", "M05");

	static final List<String> PERMIT = List.of("M01", "M02", "M03", "M04");

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
	void acceptsCompleteMaterialsWithAnAcceptanceNoticeNamingThePromisedLimit() {
		JsonNode answer = created(Applicants.foodLicence(id()));
		assertThat(answer.get("status").asText()).isEqualTo("ACCEPTED");
		assertThat(answer.get("handling").asText()).isEqualTo("BACK_OFFICE");
		JsonNode notice = answer.get("notice");
		assertThat(notice.get("title").asText()).isEqualTo("受理通知书");
		assertThat(notice.get("text").asText()).contains("承诺 5 个工作日").contains(answer.get("dueDay").asText());
	}

	@Test
	void acceptsWithDeficiencyWhenOnlySecondaryMaterialsMissAndTheApplicantCommits() {
		// 建设工程规划许可 allows no 告知承诺; its drawings (M04) are a secondary material
		Map<String, Object> body = Applicants.intake(id(), "ZRZY-GHXK-001", "OH-CENTRE", List.of("M01", "M02", "M03"),
				PERMIT);
		body.put("commitment", true);
		JsonNode answer = created(body);
		assertThat(answer.get("status").asText()).isEqualTo("ACCEPTED_WITH_DEFICIENCY");
		assertThat(answer.get("notice").get("missing").findValuesAsText("code")).containsExactly("M04");
		assertThat(processOf(answer)).isNotNull();

		// without the commitment the same materials give a one-time notice and no process
		Map<String, Object> uncommitted = Applicants.intake(id(), "SCJG-SPJY-001", "OH-CENTRE",
				List.of("M01", "M02", "M03"), FOOD);
		JsonNode notice = created(uncommitted);
		assertThat(notice.get("status").asText()).isEqualTo("NOTICE_ISSUED");
		assertThat(processOf(notice)).isNull();
	}

	@Test
	void issuesAOneTimeNoticeThatALaterNoticeForTheSameApplicantRefersTo() {
		Map<String, Object> first = Applicants.intake(id(), "WJJ-GGCS-001", "OH-CENTRE", List.of("M01"), FOOD);
		JsonNode firstNotice = created(first);
		assertThat(firstNotice.get("status").asText()).isEqualTo("NOTICE_ISSUED");
		assertThat(firstNotice.get("notice").get("missing").findValuesAsText("code")).containsExactly("M02", "M03",
				"M04", "M05");
		JsonNode second = created(Applicants.intake(id(), "WJJ-GGCS-001", "OH-CENTRE", List.of("M01", "M02"), FOOD));
		assertThat(second.get("refersTo").asText()).isEqualTo(firstNotice.get("caseNo").asText());
	}

	@Test
	void refusesAMatterOnTheExceptionListSayingWhereToGo() {
		Map<String, Object> body = Applicants.intake(id(), "ZRZY-BDCDJ-001", "OH-CENTRE", List.of("M01"), List.of("M01"));
		JsonNode answer = created(body);
		assertThat(answer.get("status").asText()).isEqualTo("REFUSED");
		assertThat(answer.get("notice").get("title").asText()).isEqualTo("不予受理通知书");
		assertThat(answer.get("notice").get("text").asText()).contains("不动产登记服务中心");
		assertThat(processOf(answer)).isNull();
		JsonNode detail = this.api.get("clerk", "/api/cases/" + answer.get("caseNo").asText()).json();
		assertThat(detail.get("refusalReason").asText()).contains("例外事项");
		assertThat(detail.has("sla")).isFalse();
	}

	@Test
	void refusesAnApplicantTheMatterIsNotFor() {
		// 食品经营许可 is for organisations; a natural person is not eligible
		JsonNode answer = created(Applicants.personIntake(id(), "SCJG-SPJY-001", "OH-CENTRE", FOOD, FOOD));
		assertThat(answer.get("status").asText()).isEqualTo("REFUSED");
		assertThat(answer.get("notice").get("text").asText()).contains("法人或其他组织");
	}

	@Test
	void refusesACommitmentWhereNoneAppliesAndStoresNothing() {
		long cases = count("service_case");
		// 个体工商户设立登记 allows no 告知承诺, and with every material there is nothing to commit to
		List<String> all = List.of("M01", "M02", "M03", "M04");
		Map<String, Object> body = Applicants.personIntake(id(), "SCJG-GTDJ-001", "OH-CENTRE", all, all);
		body.put("commitment", true);
		Api.Response refused = this.api.post("clerk", "/api/cases", body);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("fields").get("commitment").asText()).contains("不适用告知承诺");
		assertThat(count("service_case")).isEqualTo(cases);
	}

	@Test
	void offersNoCommitmentToAnApplicantWithAFalseCommitmentOnRecord() {
		String creditCode = "91330304MA2L8K5Q6F";
		this.jdbc.update("DELETE FROM applicant_credit WHERE id_number = ?", creditCode);
		this.jdbc.update("INSERT INTO applicant_credit (id_number, kind, case_no, note, recorded_at) "
				+ "VALUES (?, 'FALSE_COMMITMENT', '330304-20260101-000001', '承诺不实', CURRENT_TIMESTAMP)", creditCode);
		try {
			long processes = count("ACT_RU_EXECUTION");
			Map<String, Object> body = Applicants.intake(id(), "SCJG-SPJY-001", "OH-CENTRE",
					List.of("M01", "M02", "M03"), FOOD);
			body.put("commitment", true);
			Api.Response refused = this.api.post("clerk", "/api/cases", body);
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.json().get("fields").get("commitment").asText()).contains("失信");
			assertThat(count("ACT_RU_EXECUTION")).isEqualTo(processes);
			// without a commitment the missing materials are noticed, as for anyone
			Map<String, Object> plain = Applicants.intake(id(), "SCJG-SPJY-001", "OH-CENTRE",
					List.of("M01", "M02", "M03"), FOOD);
			assertThat(created(plain).get("status").asText()).isEqualTo("NOTICE_ISSUED");
		}
		finally {
			this.jdbc.update("DELETE FROM applicant_credit WHERE id_number = ?", creditCode);
		}
	}

	@Test
	void routesAnImmediateMatterToTheWindowThatCanDecideItAndToTheDepartmentOtherwise() {
		List<String> seal = List.of("M01", "M02", "M03");
		JsonNode atCentre = created(Applicants.intake(id(), "GA-YZBA-001", "OH-CENTRE", seal, seal));
		assertThat(atCentre.get("handling").asText()).isEqualTo("WINDOW");
		assertThat(tasksOf("clerk")).contains(atCentre.get("caseNo").asText());

		// 娄桥 only receives it: 公安's back office decides, and the receiving station is recorded
		JsonNode atTownship = created(Applicants.intake(id(), "GA-YZBA-001", "OH-LOUQIAO", seal, seal));
		String caseNo = atTownship.get("caseNo").asText();
		assertThat(atTownship.get("handling").asText()).isEqualTo("BACK_OFFICE");
		assertThat(tasksOf("approver-ga")).contains(caseNo);
		assertThat(tasksOf("clerk")).doesNotContain(caseNo);
		JsonNode detail = this.api.get("approver-ga", "/api/cases/" + caseNo).json();
		assertThat(detail.get("station").asText()).isEqualTo("OH-LOUQIAO");
		assertThat(detail.get("timeline").get(0).get("opinion").asText()).contains("OH-LOUQIAO").contains("公安");
	}

	@Test
	void putsGreenChannelTasksFirstWithinTheirLight() {
		String ordinary = created(Applicants.foodLicence(id())).get("caseNo").asText();
		Map<String, Object> elderly = Applicants.foodLicence(id());
		elderly.put("priority", "ELDERLY");
		String green = created(elderly).get("caseNo").asText();
		List<String> order = tasksOf("approver-scjg");
		assertThat(order.indexOf(green)).isLessThan(order.indexOf(ordinary));
		JsonNode task = this.api.get("approver-scjg", "/api/tasks").json().get(order.indexOf(green));
		assertThat(task.get("priority").asInt()).isEqualTo(80);
	}

	@Test
	void refusesBadInputWithAClearErrorAndCreatesNothing() {
		long cases = count("service_case");
		long executions = count("ACT_RU_EXECUTION");
		Map<String, Object> noId = Applicants.foodLicence(id());
		noId.put("applicant", Map.of("type", "PERSON", "name", "张三"));
		assertThat(this.api.post("clerk", "/api/cases", noId).json().get("fields").has("applicant.idNumber")).isTrue();
		Map<String, Object> huge = Applicants.foodLicence(id());
		huge.put("applicant", Map.of("type", "ORG", "name", "店".repeat(20_000), "idNumber", "91330304MA2L8K5Q6F"));
		Api.Response tooLong = this.api.post("clerk", "/api/cases", huge);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("fields").has("applicant.name")).isTrue();
		assertThat(this.api.post("clerk", "/api/cases", "<xml/>").status()).isEqualTo(400);
		Map<String, Object> unknown = Applicants.intake(id(), "SCJG-SPJY-001", "OH-CENTRE", List.of("M01"),
				List.of("M01", "X9"));
		assertThat(this.api.post("clerk", "/api/cases", unknown).json().get("fields").has("materials[1].code")).isTrue();
		assertThat(count("service_case")).isEqualTo(cases);
		assertThat(count("ACT_RU_EXECUTION")).isEqualTo(executions);
	}

	private JsonNode created(Map<String, Object> body) {
		Api.Response response = this.api.post("clerk", "/api/cases", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private String processOf(JsonNode answer) {
		return this.jdbc.queryForObject("SELECT process_instance_id FROM service_case WHERE case_no = ?", String.class,
				answer.get("caseNo").asText());
	}

	private List<String> tasksOf(String user) {
		return this.api.get(user, "/api/tasks").json().findValuesAsText("caseNo");
	}

	private long count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
	}

	private static String id() {
		return "io-" + UUID.randomUUID();
	}

}

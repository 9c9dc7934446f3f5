package cn.gov.ouhai.approval.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
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
import cn.gov.ouhai.approval.PlatformTest;

/**
 * The notices of intake as printable pages, over real HTTP: one per kind, linked from the case,
 * the applicant masked, the case number as text and QR code; who may see them; what answers 404.
 */
@PlatformTest
class NoticePagesIntegrationTests {

	static final List<String> FIVE = List.of("M01", "M02", "M03", "M04", "M05");

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
	void printsTheAcceptanceNoticeWithThePromisedLimitAndTheDueDay() {
		JsonNode answer = created(Applicants.foodLicence(id()));
		String caseNo = answer.get("caseNo").asText();
		JsonNode link = this.api.get("clerk", "/api/cases/" + caseNo).json().get("notices").get(0);
		assertThat(link.get("kind").asText()).isEqualTo("acceptance");
		assertThat(link.get("title").asText()).isEqualTo("受理通知书");
		assertThat(link.get("href").asText()).isEqualTo("/cases/" + caseNo + "/notices/acceptance");

		Api.Response page = this.api.get("clerk", link.get("href").asText());
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.headers().get("content-type").get(0)).startsWith("text/html");
		assertPrintable(page.body(), "受理通知书", caseNo);
		String dueDay = day(answer.get("dueDay").asText());
		assertThat(page.body()).contains("食品经营许可（新办）", "SCJG-SPJY-001", "承诺 5 个工作日", dueDay)
			.contains("食品经营许可申请书", "食品安全管理人员名单")
			.contains("瓯海区行政服务中心", "综合窗口受理员");
	}

	@Test
	void printsTheDeficiencyNoticeWithTheDeadlineAndTheConsequenceAlsoOnceTheCaseMovesOn() {
		// 建设工程规划许可 allows no 告知承诺: the commitment covers the missing drawings (容缺)
		Map<String, Object> body = Applicants.intake(id(), "ZRZY-GHXK-001", "OH-CENTRE", List.of("M01", "M02", "M03"),
				List.of("M01", "M02", "M03", "M04"));
		body.put("commitment", true);
		JsonNode answer = created(body);
		assertThat(answer.get("status").asText()).isEqualTo("ACCEPTED_WITH_DEFICIENCY");
		String caseNo = answer.get("caseNo").asText();
		String page = page("clerk", caseNo, "deficiency");
		assertPrintable(page, "容缺受理通知书", caseNo);
		// 5 working days from the day of receipt (the promised limit of 10 is later)
		String received = answer.get("receivedAt").asText().substring(0, 10);
		String deadline = this.api.get("clerk", "/api/calendar/add?from=" + received + "&workdays=5").json().get("date").asText();
		assertThat(page).contains("补齐期限", day(deadline) + "前", "退件", "信用记录")
			.contains("容缺（待补齐）材料（共 1 项）", "建筑工程施工图设计文件", "使用土地的有关证明文件");

		// the applicant got this notice at intake: it stays the case's notice while the case goes on
		this.jdbc.update("UPDATE service_case SET status = 'IN_PROGRESS' WHERE case_no = ?", caseNo);
		assertThat(page("clerk", caseNo, "deficiency")).contains("容缺受理通知书");
		assertThat(this.api.get("clerk", "/cases/" + caseNo + "/notices/acceptance").status()).isEqualTo(404);
		assertThat(this.api.get("clerk", "/api/cases/" + caseNo).json().get("notices").findValuesAsText("kind"))
			.containsExactly("deficiency");
	}

	@Test
	void printsTheOneTimeNoticeNumberingEveryMissingMaterial() {
		// 公共场所卫生许可 with only the application form: the catalog's longest list of missing materials
		String caseNo = created(Applicants.intake(id(), "WJJ-GGCS-001", "OH-CENTRE", List.of("M01"), FIVE))
			.get("caseNo")
			.asText();
		String page = page("clerk", caseNo, "one-time");
		assertPrintable(page, "一次性告知书", caseNo);
		assertThat(page).contains("需补齐的全部材料（共 4 项）")
			.contains("法定代表人或负责人身份证明", "公共场所地址方位示意图、平面图和卫生设施平面布局图", "公共场所卫生检测或评价报告",
					"公共场所卫生管理制度")
			.contains("《中华人民共和国行政许可法》第三十二条");
		String missingList = page.substring(page.indexOf("<ol class=\"missing\">"), page.indexOf("</ol>"));
		assertThat(missingList.split("<li>", -1)).hasSize(5);
		assertThat(missingList).doesNotContain("公共场所卫生许可申请表");
	}

	@Test
	void printsTheRefusalNoticeSayingWhereToGo() {
		String caseNo = created(Applicants.intake(id(), "ZRZY-BDCDJ-001", "OH-CENTRE", List.of("M01"), List.of("M01")))
			.get("caseNo")
			.asText();
		String page = page("clerk", caseNo, "refusal");
		assertPrintable(page, "不予受理通知书", caseNo);
		assertThat(page).contains("不动产登记服务中心", "不动产登记申请书", "行政复议");
	}

	@Test
	void escapesEveryText() {
		Map<String, Object> body = Applicants.foodLicence(id());
		body.put("applicant", Map.of("type", "ORG", "name", "好味<script>alert(1)</script>餐饮店", "idNumber",
				Applicants.COMPANY_CODE, "phone", "13812345678"));
		String caseNo = created(body).get("caseNo").asText();
		String page = page("clerk", caseNo, "acceptance");
		assertThat(page).doesNotContain("<script>").contains("好味&lt;script&gt;alert(1)&lt;/script&gt;餐饮店");
	}

	@Test
	void showsTheNoticeToItsDepartmentSupervisorsAndAdminsButNotToAnotherDepartment() {
		String caseNo = created(Applicants.foodLicence(id())).get("caseNo").asText();
		String path = "/cases/" + caseNo + "/notices/acceptance";
		for (String user : List.of("approver-scjg", "head-scjg", "supervisor", "admin")) {
			assertThat(this.api.get(user, path).status()).as(user).isEqualTo(200);
		}
		Api.Response other = this.api.get("approver-wjj", path);
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.json().get("error").asText()).isEqualTo("FORBIDDEN");
		assertThat(other.json().get("message").asText()).contains("部门").contains("department");
		assertThat(other.body()).doesNotContain(caseNo + "</b>");
	}

	@Test
	void asksAnonymousCallersForBasicCredentials() {
		String caseNo = created(Applicants.foodLicence(id())).get("caseNo").asText();
		Api.Response anonymous = this.api.get(null, "/cases/" + caseNo + "/notices/acceptance");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.headers().get("www-authenticate").get(0)).startsWith("Basic");
		assertThat(anonymous.json().get("error").asText()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void answers404ForAKindTheCaseDidNotGetAnUnknownKindAndAnUnknownCase() {
		String caseNo = created(Applicants.foodLicence(id())).get("caseNo").asText();
		for (String kind : List.of("refusal", "one-time", "deficiency", "licence")) {
			Api.Response response = this.api.get("clerk", "/cases/" + caseNo + "/notices/" + kind);
			assertThat(response.status()).as(kind).isEqualTo(404);
			assertThat(response.json().get("error").asText()).isEqualTo("NOTICE_NOT_FOUND");
		}
		Api.Response unknown = this.api.get("clerk", "/cases/330304-20000101-999999/notices/acceptance");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("error").asText()).isEqualTo("CASE_NOT_FOUND");
	}

	@Test
	void answersErrorsWithTheJsonBodyAlsoToABrowserAskingForHtmlOnly() throws Exception {
		String caseNo = created(Applicants.foodLicence(id())).get("caseNo").asText();
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/cases/" + caseNo
				+ "/notices/refusal"))
			.header("Accept", "text/html")
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:demo".getBytes()))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
		assertThat(response.body()).contains("\"error\":\"NOTICE_NOT_FOUND\"");
	}

	/** Title, number as text and QR code; the applicant masked, never the raw code or phone. */
	private static void assertPrintable(String page, String title, String caseNo) {
		assertThat(page).contains("<h1>" + title + "</h1>")
			.contains("<b>" + caseNo + "</b>")
			.contains("<svg")
			.contains("@page { size: A4; margin: 15mm; }")
			.contains("913303********5Q6F", "138****5678")
			.doesNotContain(Applicants.COMPANY_CODE)
			.doesNotContain("13812345678");
	}

	private static String day(String isoDate) {
		return LocalDate.parse(isoDate).format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
	}

	private String page(String user, String caseNo, String kind) {
		Api.Response response = this.api.get(user, "/cases/" + caseNo + "/notices/" + kind);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	private JsonNode created(Map<String, Object> body) {
		Api.Response response = this.api.post("clerk", "/api/cases", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private static String id() {
		return "np-" + UUID.randomUUID();
	}

}

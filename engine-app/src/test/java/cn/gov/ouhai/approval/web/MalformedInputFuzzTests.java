package cn.gov.ouhai.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * Generated malformed bodies (wrong types, huge strings, control characters, SQL and HTML, broken
 * JSON) for intake, task decisions, supplement requests, reviews (好差评) and the steps of their
 * rectification: each must get a 4xx with the error body, and none may change the database. Seeded,
 * so a failure repeats; the seed and the body are in the failure message.
 */
@PlatformTest
class MalformedInputFuzzTests {

	static final long SEED = Long.getLong("fuzz.seed", 20261127L);

	static final ObjectMapper JSON = new ObjectMapper();

	static final List<String> NASTY = List.of("' OR '1'='1", "'; DROP TABLE service_case; --", "\" OR 1=1 --",
			"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${7*7}", "#{7*7}", "../../etc/passwd",
			"\u0000\u0001\u0002", "\u001b[31m", "\uFEFF", "😀".repeat(40), "%00");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void malformedBodiesGet4xxAndChangeNothing() throws Exception {
		Api api = new Api(this.port);
		// one real task to aim the task bodies at
		String caseNo = api.post("clerk", "/api/cases", Applicants.foodLicence("fuzz-" + UUID.randomUUID()))
			.json()
			.get("caseNo")
			.asText();
		String task = null;
		for (JsonNode t : api.get("approver-scjg", "/api/tasks").json()) {
			if (caseNo.equals(t.path("caseNo").asText())) {
				task = t.get("id").asText();
			}
		}
		assertThat(task).isNotNull();
		// a finished case to review, and a bad review whose rectification waits for the department
		String finished = finishedRegistration(api);
		Api.Response bad = api.post("clerk", "/api/cases/" + finishedRegistration(api) + "/reviews",
				Map.of("score", 1, "comment", "排队太久", "channel", "WINDOW"));
		assertThat(bad.status()).as(bad.toString()).isEqualTo(201);
		String review = "/api/reviews/" + bad.json().get("id").asText();
		Map<String, Long> before = counts();
		Random random = new Random(SEED);
		int sent = 0;
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			sent += expect4xx(api, "clerk", "/api/cases", malformedIntake(random), failures);
		}
		for (int i = 0; i < 300; i++) {
			sent += expect4xx(api, "approver-scjg", "/api/tasks/" + task + "/complete", malformedDecision(random), failures);
		}
		for (int i = 0; i < 150; i++) {
			sent += expect4xx(api, "approver-scjg", "/api/tasks/" + task + "/request-supplement",
					malformedSupplementRequest(random), failures);
		}
		for (int i = 0; i < 250; i++) {
			sent += expect4xx(api, "clerk", "/api/cases/" + finished + "/reviews", malformedReview(random), failures);
		}
		for (int i = 0; i < 100; i++) {
			sent += expect4xx(api, "approver-scjg", review + "/contact", malformedContact(random), failures);
		}
		for (int i = 0; i < 50; i++) {
			sent += expect4xx(api, "approver-scjg", review + "/answer", malformedText(random, "answer", 2000), failures);
		}
		for (int i = 0; i < 50; i++) {
			sent += expect4xx(api, "reviewer", review + "/appeal-decision", malformedAppealDecision(random), failures);
		}
		for (int i = 0; i < 50; i++) {
			sent += expect4xx(api, "clerk", review + "/rating", malformedRating(random), failures);
		}
		assertThat(failures).as("seed " + SEED + ": bodies not answered with a 4xx error body").isEmpty();
		assertThat(counts()).as("the database after " + sent + " malformed bodies").isEqualTo(before);
		System.out.println("fuzz: " + sent + " malformed bodies (seed " + SEED + "), all 4xx, database unchanged");
	}

	private static int expect4xx(Api api, String user, String path, String body, List<String> failures) {
		Api.Response response = api.post(user, path, body);
		boolean errorBody;
		try {
			errorBody = response.json().hasNonNull("error") && response.json().hasNonNull("message");
		}
		catch (IllegalStateException notJson) {
			errorBody = false;
		}
		if (response.status() < 400 || response.status() >= 500 || !errorBody) {
			failures.add(response.status() + " " + path + " " + abbreviate(body) + " → " + abbreviate(response.body()));
		}
		return 1;
	}

	/** A valid intake with one thing made certainly invalid. */
	private static String malformedIntake(Random random) throws Exception {
		Map<String, Object> body = Applicants.foodLicence("fuzz-" + UUID.randomUUID());
		@SuppressWarnings("unchecked")
		Map<String, Object> applicant = new LinkedHashMap<>((Map<String, Object>) body.get("applicant"));
		body.put("applicant", applicant);
		List<Function<Random, String>> breakers = List.of(
				r -> broken(body, "requestId", r.nextBoolean() ? nasty(r) : "x".repeat(65 + r.nextInt(100_000))),
				r -> broken(body, "requestId", wrongType(r)),
				r -> broken(body, "matterCode", r.nextBoolean() ? nasty(r) : "M".repeat(65 + r.nextInt(1000))),
				r -> broken(body, "channel", r.nextBoolean() ? nasty(r) : wrongType(r)),
				r -> broken(body, "station", nasty(r)),
				r -> broken(body, "materials", r.nextBoolean() ? wrongType(r) : List.of(Map.of("code", nasty(r), "provided", true))),
				r -> broken(body, "priority", nasty(r)),
				r -> broken(applicant, body, "type", r.nextBoolean() ? nasty(r) : wrongType(r)),
				r -> broken(applicant, body, "idNumber", nasty(r)),
				r -> broken(applicant, body, "phone", nasty(r)),
				r -> broken(applicant, body, "name", r.nextBoolean() ? "张" + control(r) + "三" : "名".repeat(101 + r.nextInt(50_000))),
				r -> broken(body, "applicant", wrongType(r)),
				r -> truncated(body, r),
				r -> r.nextBoolean() ? "[]" : r.nextBoolean() ? "null" : "\"" + nasty(r) + "\"",
				r -> "{".repeat(1 + r.nextInt(2000)) + "}".repeat(r.nextInt(3)));
		return breakers.get(random.nextInt(breakers.size())).apply(random);
	}

	private static String malformedDecision(Random random) {
		List<Function<Random, String>> breakers = List.of(
				r -> json(Map.of("decision", r.nextBoolean() ? nasty(r) : wrongType(r))),
				r -> json(Map.of("decision", "APPROVE", "opinion", "意见" + control(r))),
				r -> json(Map.of("decision", "APPROVE", "opinion", "长".repeat(2001 + r.nextInt(100_000)))),
				r -> json(Map.of("decision", "APPROVE", "opinion", wrongType(r))),
				r -> json(Map.of("decision", "RETURN")),
				r -> json(Map.of("opinion", nasty(r))),
				r -> truncated(Map.of("decision", "APPROVE", "opinion", nasty(r)), r));
		return breakers.get(random.nextInt(breakers.size())).apply(random);
	}

	private static String malformedSupplementRequest(Random random) {
		List<Function<Random, String>> breakers = List.of(
				r -> json(Map.of("materials", List.of(nasty(r)), "workdays", 5)),
				r -> json(Map.of("materials", List.of("M03"), "workdays", r.nextBoolean() ? -r.nextInt(1000) : 61 + r.nextInt(10_000))),
				r -> json(Map.of("materials", List.of("M03"), "workdays", wrongType(r))),
				r -> json(Map.of("materials", wrongType(r))),
				r -> json(Map.of("materials", List.of())),
				r -> json(Map.of("materials", List.of("M03"), "opinion", "补正" + control(r))),
				r -> truncated(Map.of("materials", List.of("M03"), "workdays", 5), r));
		return breakers.get(random.nextInt(breakers.size())).apply(random);
	}

	/** A review of a finished case: score 1..5, a comment, the channel it came through. */
	private static String malformedReview(Random random) {
		List<Function<Random, String>> breakers = List.of(
				r -> json(Map.of("score", r.nextBoolean() ? 0 : 6 + r.nextInt(1_000_000), "channel", "PC")),
				r -> json(Map.of("score", -r.nextInt(1000), "channel", "PC")),
				r -> json(Map.of("score", r.nextBoolean() ? nasty(r) : wrongType(r), "channel", "PC")),
				r -> json(Map.of("score", 3.5 + r.nextInt(2), "channel", "PC")),
				r -> json(Map.of("score", 5, "channel", r.nextBoolean() ? nasty(r) : wrongType(r))),
				r -> json(Map.of("score", 5, "channel", "pc")),
				r -> json(Map.of("score", 5)),
				r -> json(Map.of("channel", "PC", "comment", nasty(r))),
				r -> json(Map.of("score", 5, "channel", "PC", "comment", "很好" + control(r))),
				r -> json(Map.of("score", 5, "channel", "PC", "comment", "长".repeat(1001 + r.nextInt(100_000)))),
				r -> json(Map.of("score", 5, "channel", "PC", "comment", wrongType(r))),
				r -> truncated(Map.of("score", 5, "channel", "PC", "comment", nasty(r)), r),
				r -> r.nextBoolean() ? "[]" : r.nextBoolean() ? "null" : "\"" + nasty(r) + "\"");
		return breakers.get(random.nextInt(breakers.size())).apply(random);
	}

	/** 联系申请人核实: appeal (true or false), complex, an opinion. */
	private static String malformedContact(Random random) {
		List<Function<Random, String>> breakers = List.of(
				r -> json(Map.of("appeal", r.nextBoolean() ? nasty(r) : wrongType(r), "opinion", "已联系")),
				r -> json(Map.of("opinion", "已联系")),
				r -> json(Map.of("appeal", false, "complex", r.nextBoolean() ? nasty(r) : wrongType(r), "opinion", "已联系")),
				r -> json(Map.of("appeal", false, "opinion", r.nextBoolean() ? " " : control(r))),
				r -> json(Map.of("appeal", true, "opinion", "误评" + control(r))),
				r -> json(Map.of("appeal", false, "opinion", "长".repeat(2001 + r.nextInt(100_000)))),
				r -> json(Map.of("appeal", false, "opinion", wrongType(r))),
				r -> json(Map.of("appeal", false)),
				r -> truncated(Map.of("appeal", false, "opinion", nasty(r)), r));
		return breakers.get(random.nextInt(breakers.size())).apply(random);
	}

	private static String malformedAppealDecision(Random random) {
		List<Function<Random, String>> breakers = List.of(
				r -> json(Map.of("upheld", r.nextBoolean() ? nasty(r) : wrongType(r), "opinion", "维持")),
				r -> json(Map.of("opinion", "维持")),
				r -> json(Map.of("upheld", true, "opinion", r.nextBoolean() ? "" : "维持" + control(r))),
				r -> json(Map.of("upheld", true, "opinion", "长".repeat(2001 + r.nextInt(50_000)))),
				r -> json(Map.of("upheld", false, "opinion", wrongType(r))),
				r -> truncated(Map.of("upheld", true, "opinion", nasty(r)), r));
		return breakers.get(random.nextInt(breakers.size())).apply(random);
	}

	private static String malformedRating(Random random) {
		List<Function<Random, String>> breakers = List.of(
				r -> json(Map.of("score", r.nextBoolean() ? 0 : 6 + r.nextInt(1000))),
				r -> json(Map.of("score", r.nextBoolean() ? nasty(r) : wrongType(r))),
				r -> json(Map.of("comment", "好")),
				r -> json(Map.of("score", 4, "comment", "好" + control(r))),
				r -> json(Map.of("score", 4, "comment", "长".repeat(1001 + r.nextInt(50_000)))),
				r -> truncated(Map.of("score", 4, "comment", nasty(r)), r));
		return breakers.get(random.nextInt(breakers.size())).apply(random);
	}

	/** A body of one required text field: missing, blank, too long, control characters, wrong type, broken. */
	private static String malformedText(Random random, String field, int max) {
		List<Function<Random, String>> breakers = List.of(
				r -> json(Map.of()),
				r -> json(Map.of(field, r.nextBoolean() ? "  " : control(r))),
				r -> json(Map.of(field, "已整改" + control(r))),
				r -> json(Map.of(field, "长".repeat(max + 1 + r.nextInt(50_000)))),
				r -> json(Map.of(field, wrongType(r))),
				r -> truncated(Map.of(field, nasty(r)), r));
		return breakers.get(random.nextInt(breakers.size())).apply(random);
	}

	/** 个体工商户设立登记, decided at the window the same day. */
	private static String finishedRegistration(Api api) {
		List<String> materials = List.of("M01", "M02", "M03", "M04");
		String caseNo = api.post("clerk", "/api/cases", Applicants.personIntake("fuzz-" + UUID.randomUUID(),
				"SCJG-GTDJ-001", "OH-CENTRE", materials, materials)).json().get("caseNo").asText();
		for (JsonNode t : api.get("clerk", "/api/tasks").json()) {
			if (caseNo.equals(t.path("caseNo").asText())) {
				Api.Response done = api.post("clerk", "/api/tasks/" + t.get("id").asText() + "/complete",
						Map.of("decision", "APPROVE"));
				assertThat(done.status()).as(done.toString()).isEqualTo(204);
			}
		}
		return caseNo;
	}

	private static String broken(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(body);
		copy.put(field, value);
		return json(copy);
	}

	private static String broken(Map<String, Object> applicant, Map<String, Object> body, String field, Object value) {
		Map<String, Object> changed = new LinkedHashMap<>(applicant);
		changed.put(field, value);
		return broken(body, "applicant", changed);
	}

	private static String truncated(Map<String, Object> body, Random random) {
		String json = json(body);
		return json.substring(0, 1 + random.nextInt(json.length() - 1));
	}

	private static Object wrongType(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> random.nextInt();
			case 1 -> List.of(1, "x", true);
			case 2 -> Map.of("nested", Map.of("deeper", nastyFixed(random)));
			default -> random.nextDouble();
		};
	}

	private static String nasty(Random random) {
		return nastyFixed(random) + (random.nextBoolean() ? "" : control(random));
	}

	private static String nastyFixed(Random random) {
		return NASTY.get(random.nextInt(NASTY.size()));
	}

	private static String control(Random random) {
		return String.valueOf((char) (1 + random.nextInt(8)));
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String abbreviate(String text) {
		return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…(" + text.length() + ")" : text;
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("service_case", "case_material", "case_event", "case_file", "case_clock",
				"case_review", "notification", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_HI_TASKINST", "ACT_HI_VARINST",
				"ACT_RU_EXECUTION")) {
			counts.put(table, this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
		}
		counts.put("assigned tasks", this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ASSIGNEE_ IS NOT NULL",
				Long.class));
		counts.put("reviews by state", this.jdbc.queryForObject(
				"SELECT COUNT(*) * 100 + SUM(CASE WHEN state = 'CONTACTING' THEN 1 ELSE 0 END) FROM case_review", Long.class));
		return counts;
	}

}

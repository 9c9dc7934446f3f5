package cn.gov.ouhai.approval.supervision;

import static cn.gov.ouhai.approval.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
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
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.EngineJobs;

/**
 * Supervision over HTTP: statistics on a seeded week with answers worked out by hand, the red and
 * yellow list as the engine clock moves, an urge reaching its department and timing out, and who
 * may see any of it. Each test uses a week of 2026 of its own, so they share a database with the
 * other tests without counting their cases. Subclasses pick the database.
 */
abstract class SupervisionContract {

	static final List<String> REGISTRATION = List.of("M01", "M02", "M03", "M04");

	static final List<String> BIRTH = List.of("M01", "M02", "M03", "M04");

	static final List<String> MEDICAL_INSURANCE = List.of("M01", "M02", "M03");

	@LocalServerPort
	int port;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CaseDayFigures summary;

	Api api;

	CaseSteps steps;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.steps = new CaseSteps(this.api);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	/**
	 * Seven cases accepted on Mon 11 May 2026 at 10:00 (and one one-time notice, which is no case):
	 * <ol>
	 * <li>个体工商户 (scjg, promised 0) at the centre, window; decided that day: in time, 0 days used;</li>
	 * <li>the same at 娄桥 (township), window; decided that day;</li>
	 * <li>the same online (PC); decided Wed 13 May: late, 2 days used;</li>
	 * <li>出生登记 (ga, promised 1) at 新桥 (township), mobile; decided Tue 12 May: in time, 1 day;</li>
	 * <li>出生登记 at the centre, kiosk; still open, due 24:00 Tue 12 May: red;</li>
	 * <li>食品经营许可 (scjg, promised 5) at the centre, window; open, due 24:00 Mon 18 May: in time;</li>
	 * <li>城乡居民医保 (ybj, promised 0) at the centre, mobile; decided that day.</li>
	 * </ol>
	 * Reviews: 1 → 5, 2 → 4, 3 → 1 (bad, being rectified), 4 → 2 (bad, appeal upheld: void),
	 * 7 → 3. Figures as of Fri 15 May 10:00.
	 */
	@Test
	void countsASeededWeekAsWorkedOutByHand() {
		at("2026-05-11T02:00:00Z");
		String c1 = this.steps.acceptPerson("SCJG-GTDJ-001", "OH-CENTRE", "WINDOW", REGISTRATION);
		String c2 = this.steps.acceptPerson("SCJG-GTDJ-001", "OH-LOUQIAO", "WINDOW", REGISTRATION);
		String c3 = this.steps.acceptPerson("SCJG-GTDJ-001", "OH-CENTRE", "PC", REGISTRATION);
		String c4 = this.steps.acceptPerson("GA-CSDJ-001", "OH-XINQIAO", "MOBILE", BIRTH);
		String c5 = this.steps.acceptPerson("GA-CSDJ-001", "OH-CENTRE", "KIOSK", BIRTH);
		this.steps.acceptFoodLicence("WINDOW");
		String c7 = this.steps.acceptPerson("YBJ-JMCB-001", "OH-CENTRE", "MOBILE", MEDICAL_INSURANCE);
		Map<String, Object> notice = Applicants.intake("stats-notice-" + System.nanoTime(), "SCJG-SPJY-001", "OH-CENTRE",
				List.of("M02"), List.of("M01", "M02", "M03", "M04", "M05"));
		assertThat(this.api.post("clerk", "/api/cases", notice).json().get("status").asText()).isEqualTo("NOTICE_ISSUED");
		this.steps.complete("clerk", c1, "APPROVE");
		this.steps.complete("clerk", c2, "APPROVE");
		this.steps.complete("clerk", c7, "APPROVE");
		at("2026-05-12T02:00:00Z");
		this.steps.complete("approver-ga", c4, "APPROVE");
		at("2026-05-13T02:00:00Z");
		this.steps.complete("clerk", c3, "APPROVE");
		review(c1, 5, "WINDOW");
		review(c2, 4, "WINDOW");
		review(c3, 1, "PC");
		long appealed = review(c4, 2, "MOBILE");
		review(c7, 3, "MOBILE");
		this.api.post("approver-ga", "/api/reviews/" + appealed + "/contact", Map.of("appeal", true, "opinion", "误评"));
		assertThat(this.api.post("reviewer", "/api/reviews/" + appealed + "/appeal-decision",
				Map.of("upheld", true, "opinion", "误评，作废")).json().get("state").asText()).isEqualTo("VOIDED");
		at("2026-05-15T02:00:00Z");

		JsonNode byDepartment = stats("from=2026-05-11&to=2026-05-15&by=department");
		JsonNode total = byDepartment.get("total");
		assertThat(total.get("cases").asLong()).isEqualTo(7);
		assertThat(total.get("decided").asLong()).isEqualTo(5);
		assertThat(total.get("onTime").asLong()).isEqualTo(4);
		assertThat(total.get("onTimeRate").decimalValue()).isEqualByComparingTo("0.8000");
		assertThat(total.get("overdue").asLong()).isEqualTo(2);
		assertThat(total.get("overdueRate").decimalValue()).isEqualByComparingTo("0.2857");
		assertThat(total.get("avgWorkdaysUsed").decimalValue()).isEqualByComparingTo("0.6000");
		assertThat(total.get("avgPromisedWorkdays").decimalValue()).isEqualByComparingTo("0.2000");
		assertThat(total.get("onlineRate").decimalValue()).isEqualByComparingTo("0.4286");
		assertThat(total.get("kioskShare").decimalValue()).isEqualByComparingTo("0.1429");
		assertThat(total.get("nearHomeEligible").asLong()).isEqualTo(7);
		assertThat(total.get("nearHomeRate").decimalValue()).isEqualByComparingTo("0.2857");
		assertThat(total.get("reviews").asLong()).isEqualTo(4);
		assertThat(total.get("badReviews").asLong()).isEqualTo(1);
		assertThat(total.get("voidedReviews").asLong()).isEqualTo(1);
		assertThat(total.get("badReviewRate").decimalValue()).isEqualByComparingTo("0.2500");
		assertThat(total.get("badReviewFollowUpRate").decimalValue()).isEqualByComparingTo("0.0000");

		JsonNode scjg = group(byDepartment, "scjg");
		assertThat(scjg.get("name").asText()).isEqualTo("瓯海区市场监督管理局");
		assertThat(scjg.get("cases").asLong()).isEqualTo(4);
		assertThat(scjg.get("onTimeRate").decimalValue()).isEqualByComparingTo("0.6667");
		assertThat(scjg.get("overdueRate").decimalValue()).isEqualByComparingTo("0.2500");
		assertThat(scjg.get("avgWorkdaysUsed").decimalValue()).isEqualByComparingTo("0.6667");
		assertThat(scjg.get("onlineRate").decimalValue()).isEqualByComparingTo("0.2500");
		assertThat(scjg.get("badReviewRate").decimalValue()).isEqualByComparingTo("0.3333");
		JsonNode ga = group(byDepartment, "ga");
		assertThat(ga.get("cases").asLong()).isEqualTo(2);
		assertThat(ga.get("onTimeRate").decimalValue()).isEqualByComparingTo("1.0000");
		assertThat(ga.get("overdueRate").decimalValue()).isEqualByComparingTo("0.5000");
		assertThat(ga.get("avgWorkdaysUsed").decimalValue()).isEqualByComparingTo("1.0000");
		assertThat(ga.get("kioskShare").decimalValue()).isEqualByComparingTo("0.5000");
		assertThat(ga.get("nearHomeRate").decimalValue()).isEqualByComparingTo("0.5000");
		assertThat(ga.get("voidedReviews").asLong()).isEqualTo(1);
		assertThat(ga.get("badReviewRate").isNull()).as("no review counts once the only one is void").isTrue();
		JsonNode ybj = group(byDepartment, "ybj");
		assertThat(ybj.get("cases").asLong()).isEqualTo(1);
		assertThat(ybj.get("overdueRate").decimalValue()).isEqualByComparingTo("0.0000");
		assertThat(ybj.get("onlineRate").decimalValue()).isEqualByComparingTo("1.0000");
		assertThat(byDepartment.get("groups").findValuesAsText("key")).containsExactly("ga", "scjg", "ybj");

		JsonNode byChannel = stats("from=2026-05-11&to=2026-05-15&by=channel");
		assertThat(group(byChannel, "WINDOW").get("cases").asLong()).isEqualTo(3);
		assertThat(group(byChannel, "PC").get("cases").asLong()).isEqualTo(1);
		assertThat(group(byChannel, "PC").get("onTimeRate").decimalValue()).isEqualByComparingTo("0.0000");
		assertThat(group(byChannel, "MOBILE").get("cases").asLong()).isEqualTo(2);
		assertThat(group(byChannel, "KIOSK").get("overdueRate").decimalValue()).isEqualByComparingTo("1.0000");
		JsonNode byStation = stats("from=2026-05-11&to=2026-05-15&by=station");
		assertThat(group(byStation, "OH-CENTRE").get("cases").asLong()).isEqualTo(5);
		assertThat(group(byStation, "OH-LOUQIAO").get("nearHomeRate").decimalValue()).isEqualByComparingTo("1.0000");
		JsonNode byStaff = stats("from=2026-05-11&to=2026-05-15&by=staff");
		assertThat(group(byStaff, "clerk").get("badReviews").asLong()).isEqualTo(1);

		// the catalog: 6 livelihood matters, 4 of them taken in at township centres; 13 of 13 townships
		JsonNode catalog = byDepartment.get("catalog");
		assertThat(catalog.get("livelihoodMatters").asLong()).isEqualTo(6);
		assertThat(catalog.get("livelihoodNearHome").asLong()).isEqualTo(4);
		assertThat(catalog.get("livelihoodNearHomeShare").decimalValue()).isEqualByComparingTo("0.6667");
		assertThat(catalog.get("townshipCoverage").decimalValue()).isEqualByComparingTo("1.0000");
		Map<String, String> targets = new java.util.TreeMap<>();
		byDepartment.get("targets").forEach(t -> targets.put(t.get("figure").asText(),
				t.get("target").decimalValue().stripTrailingZeros().toPlainString() + (t.get("met").asBoolean() ? " met" : " missed")));
		assertThat(targets).containsEntry("onlineRate", "0.85 missed")
			.containsEntry("livelihoodNearHomeShare", "0.9 missed")
			.containsEntry("townshipCoverage", "1 met")
			.containsEntry("badReviewFollowUpRate", "1 missed");

		// the daily summary rebuilt from the cases (as on an upgrade) says what the one kept case by case said
		this.jdbc.update("DELETE FROM case_day_figures");
		assertThat(stats("from=2026-05-11&to=2026-05-15&by=department").get("total").get("cases").asLong()).isZero();
		assertThat(this.summary.rebuild()).isPositive();
		Map<String, JsonNode> kept = Map.of("department", byDepartment, "channel", byChannel, "station", byStation,
				"staff", byStaff);
		kept.forEach((by, figures) -> {
			JsonNode rebuilt = stats("from=2026-05-11&to=2026-05-15&by=" + by);
			assertThat(rebuilt.get("total")).as(by).isEqualTo(figures.get("total"));
			assertThat(rebuilt.get("groups")).as(by).isEqualTo(figures.get("groups"));
		});
	}

	@Test
	void listsLateStepsAndCasesMostLateFirstAsTheClockMoves() {
		at("2026-06-08T02:00:00Z"); // Mon 8 Jun, 10:00
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		assertThat(late("department=scjg")).noneMatch(i -> i.get("caseNo").asText().equals(caseNo));

		// Thu 11 Jun: the review (2 working days, due 24:00 Wed 10 Jun) is one working day late; the case is not
		at("2026-06-11T02:00:00Z");
		List<JsonNode> mine = mine(late("department=scjg"), caseNo);
		assertThat(mine).hasSize(1);
		JsonNode step = mine.get(0);
		assertThat(step.get("kind").asText()).isEqualTo("STEP");
		assertThat(step.get("step").asText()).isEqualTo("审查申请材料");
		assertThat(step.get("light").asText()).isEqualTo("RED");
		assertThat(step.get("workdaysLate").asInt()).isEqualTo(1);
		assertThat(step.get("dueDate").asText()).isEqualTo("2026-06-11T00:00:00+08:00");
		assertThat(step.get("department").asText()).isEqualTo("scjg");
		assertThat(step.get("station").asText()).isEqualTo("OH-CENTRE");
		assertThat(step.get("assignee").asText()).isEqualTo("dept-scjg");
		this.api.post("approver-scjg", "/api/tasks/" + this.steps.task("approver-scjg", caseNo).get("id").asText() + "/claim", "");

		// Fri 12 Jun: two working days left for the case (due 24:00 Mon 15 Jun): not yet yellow
		at("2026-06-12T02:00:00Z");
		assertThat(mine(late("kind=CASE"), caseNo)).isEmpty();
		// Mon 15 Jun: its last working day, yellow
		at("2026-06-15T02:00:00Z");
		JsonNode yellowCase = mine(late("kind=CASE&light=YELLOW"), caseNo).get(0);
		assertThat(yellowCase.get("workdaysLeft").asInt()).isEqualTo(1);
		assertThat(yellowCase.get("step").asText()).isEqualTo("审查申请材料");
		assertThat(yellowCase.get("assignee").asText()).isEqualTo("approver-scjg");

		// Tue 16 Jun: the case is a working day late, its step four (Thu 11, Fri 12, Mon 15, Tue 16)
		at("2026-06-16T02:00:00Z");
		List<JsonNode> later = mine(late("light=RED"), caseNo);
		assertThat(later).extracting(i -> i.get("kind").asText() + ":" + i.get("workdaysLate").asInt())
			.containsExactly("STEP:4", "CASE:1");
		assertThat(later.get(1).get("applicant").asText()).as("organisations keep their names; people are masked")
			.isEqualTo("温州市瓯海区好味餐饮店");
		assertThat(mine(late("department=wjj"), caseNo)).isEmpty();
		assertThat(mine(late("station=OH-LOUQIAO"), caseNo)).isEmpty();
		JsonNode all = this.api.get("supervisor", "/api/supervision/overdue?limit=1000").json();
		assertThat(all.get("red").asLong()).isGreaterThanOrEqualTo(2);

		// the totals per department count every late case once (its clock or a step, in the database and
		// by each step's own threshold): the same as the whole list of cases, which the page of one does not show
		JsonNode totals = this.api.get("supervisor", "/api/supervision/overdue/by-department").json();
		JsonNode allCases = this.api.get("supervisor", "/api/supervision/overdue/cases?limit=333").json();
		assertThat(totals.get("red").asLong()).isEqualTo(allCases.get("red").asLong());
		assertThat(totals.get("yellow").asLong()).isEqualTo(allCases.get("yellow").asLong());
		assertThat(totals.get("redSteps").asLong()).isEqualTo(late("light=RED&kind=STEP").size());
		JsonNode scjg = null;
		for (JsonNode department : totals.get("departments")) {
			if (department.get("department").asText().equals("scjg")) {
				scjg = department;
			}
		}
		assertThat(scjg).as("市场监管 among the departments with late work").isNotNull();
		assertThat(scjg.get("departmentName").asText()).isEqualTo("瓯海区市场监督管理局");
		long scjgRed = 0;
		for (JsonNode c : allCases.get("cases")) {
			scjgRed += c.get("department").asText().equals("scjg") && c.get("light").asText().equals("RED") ? 1 : 0;
		}
		assertThat(scjg.get("red").asLong()).isEqualTo(scjgRed);
		assertThat(scjg.get("redSteps").asLong()).isEqualTo(late("department=scjg&light=RED&kind=STEP").size());
		// this case: one row, red, its late step inside it
		JsonNode row = null;
		for (JsonNode c : this.api.get("supervisor", "/api/supervision/overdue/cases?department=scjg").json().get("cases")) {
			if (c.get("caseNo").asText().equals(caseNo)) {
				row = c;
			}
		}
		assertThat(row).isNotNull();
		assertThat(row.get("light").asText()).isEqualTo("RED");
		assertThat(row.get("caseLight").asText()).isEqualTo("RED");
		assertThat(row.get("workdaysLate").asInt()).isEqualTo(4);
		assertThat(row.get("steps")).extracting(st -> st.get("step").asText() + ":" + st.get("workdaysLate").asInt())
			.containsExactly("审查申请材料:4");
		assertThat(this.api.get("supervisor", "/api/supervision/overdue?limit=1").json().get("items")).hasSize(1);
	}

	/**
	 * The dashboard's counts against a seed worked out by hand, as of Mon 19 Jan 2026 10:00 (no other
	 * test takes cases in before March 2026, so nothing else is late then). Food licences (scjg, promised
	 * 5 working days, their first step 审查申请材料 2), birth registrations (ga, promised 1, their one step
	 * 办理出生登记 1), a 个体工商户 registration (scjg, decided at the window at once) with a bad review
	 * (its step 联系申请人核实差评: 1 working day) and a medical insurance (ybj, decided at once). A case is
	 * red if its clock or any open step is past due, yellow if not red and either has 1 working day left
	 * (today counts):
	 *
	 * <pre>
	 * case  matter (dept)      taken in   its clock (24:00)      its open steps (24:00)              counted
	 * A     食品经营许可 (scjg)  Mon 12     Mon 19: yellow, 1 left   审查申请材料 Wed 14: red, 3 late       red
	 * B     食品经营许可 (scjg)  Wed 14     Wed 21: green, 3 left    审查申请材料 Fri 16: red, 1 late       red
	 * Y     食品经营许可 (scjg)  Thu 15     Thu 22: green            审查申请材料 Mon 19: yellow, 1 left    yellow
	 * F     食品经营许可 (scjg)  Mon 19     Mon 26: green            审查申请材料 Wed 21: green             -
	 * E     个体工商户 (scjg)    Mon 12     finished Mon 12          联系申请人核实差评 Tue 13: red, 4 late  red (closed, in hand)
	 * C     出生登记 (ga)       Mon 12     Tue 13: red, 4 late      办理出生登记 Tue 13: red, 4 late       red (once)
	 * G     出生登记 (ga)       Fri 16     Mon 19: yellow, 1 left   办理出生登记 Mon 19: yellow, 1 left    yellow (once)
	 * H     城乡居民医保 (ybj)   Mon 12     finished Mon 12          none                                -
	 *
	 * department                 red  yellow  redSteps  yellowSteps
	 * scjg 瓯海区市场监督管理局      3    1       3         1
	 * ga   温州市公安局瓯海区分局     1    1       1         1
	 * all                          4    2       4         2
	 * </pre>
	 *
	 * In hand: A, B, Y, F, C, G open and E closed with its rectification running: 7 more than before the
	 * seed (H is not); the overdue rate is red ÷ in hand.
	 */
	@Test
	void countsEachLateCaseOnceWithItsLateStepsAsWorkedOutByHand() throws Exception {
		long inHandBefore = this.api.get("supervisor", "/api/supervision/overdue/by-department").json().get("inHand").asLong();
		at("2026-01-12T02:00:00Z"); // Mon 12 Jan, 10:00
		String a = this.steps.acceptFoodLicence("WINDOW");
		String e = this.steps.acceptPerson("SCJG-GTDJ-001", "OH-CENTRE", "WINDOW", REGISTRATION);
		String c = this.steps.acceptPerson("GA-CSDJ-001", "OH-CENTRE", "WINDOW", BIRTH);
		String h = this.steps.acceptPerson("YBJ-JMCB-001", "OH-CENTRE", "MOBILE", MEDICAL_INSURANCE);
		this.steps.complete("clerk", e, "APPROVE");
		this.steps.complete("clerk", h, "APPROVE");
		review(e, 1, "WINDOW");
		at("2026-01-14T02:00:00Z");
		String b = this.steps.acceptFoodLicence("WINDOW");
		at("2026-01-15T02:00:00Z");
		String y = this.steps.acceptFoodLicence("WINDOW");
		at("2026-01-16T02:00:00Z");
		String g = this.steps.acceptPerson("GA-CSDJ-001", "OH-CENTRE", "WINDOW", BIRTH);
		at("2026-01-19T02:00:00Z");
		String f = this.steps.acceptFoodLicence("WINDOW");

		// the by-department API
		JsonNode totals = this.api.get("supervisor", "/api/supervision/overdue/by-department").json();
		assertThat(departmentLines(totals)).containsExactly(
				"scjg 瓯海区市场监督管理局 red 3 yellow 1 redSteps 3 yellowSteps 1",
				"ga 温州市公安局瓯海区分局 red 1 yellow 1 redSteps 1 yellowSteps 1");
		assertThat(totals.get("red").asLong()).isEqualTo(4);
		assertThat(totals.get("yellow").asLong()).isEqualTo(2);
		assertThat(totals.get("redSteps").asLong()).isEqualTo(4);
		assertThat(totals.get("yellowSteps").asLong()).isEqualTo(2);
		long inHand = totals.get("inHand").asLong();
		assertThat(inHand - inHandBefore).isEqualTo(7);
		assertThat(totals.get("overdueRate").decimalValue())
			.isEqualByComparingTo(new java.math.BigDecimal(4).divide(new java.math.BigDecimal(inHand), 4, java.math.RoundingMode.HALF_UP));

		// the list: each late case once, the most late first, its late steps inside it
		JsonNode list = this.api.get("supervisor", "/api/supervision/overdue/cases").json();
		assertThat(list.get("red").asLong()).isEqualTo(4);
		assertThat(list.get("yellow").asLong()).isEqualTo(2);
		Map<String, String> names = Map.of(a, "A", b, "B", y, "Y", f, "F", e, "E", c, "C", g, "G", h, "H");
		List<String> rows = new ArrayList<>();
		list.get("cases").forEach(row -> {
			StringBuilder line = new StringBuilder(names.get(row.get("caseNo").asText()) + " " + row.get("light").asText() + " "
					+ row.get("workdaysLate").asInt() + " clock " + row.path("caseLight").asText("-") + " steps");
			row.get("steps").forEach(st -> line.append(" ").append(st.get("step").asText()).append(":")
				.append(st.get("light").asText()));
			rows.add(line.toString());
		});
		// E and C are as late and due at the same hour: the lower case number first; so are Y and G
		assertThat(rows).containsExactly("E RED 4 clock - steps 联系申请人核实差评:RED", "C RED 4 clock RED steps 办理出生登记:RED",
				"A RED 3 clock YELLOW steps 审查申请材料:RED", "B RED 1 clock GREEN steps 审查申请材料:RED",
				"Y YELLOW 0 clock GREEN steps 审查申请材料:YELLOW", "G YELLOW 0 clock YELLOW steps 办理出生登记:YELLOW");
		JsonNode rowB = list.get("cases").get(3);
		assertThat(rowB.get("departmentName").asText()).isEqualTo("瓯海区市场监督管理局");
		assertThat(rowB.get("steps").get(0).get("assignee").asText()).isEqualTo("dept-scjg");
		assertThat(rowB.get("steps").get(0).get("assigneeName").asText()).isEqualTo("瓯海区市场监督管理局审批人员");
		assertThat(list.get("cases").get(0).get("inHand").asBoolean()).as("E is closed: no urge").isFalse();
		assertThat(this.api.get("supervisor", "/api/supervision/overdue/cases?light=YELLOW").json().get("cases"))
			.extracting(row -> names.get(row.get("caseNo").asText())).containsExactly("Y", "G");

		// the page: its KPIs, its rows and its chart say the same
		Api.Response page = this.api.get("supervisor", "/supervision");
		assertThat(page.status()).isEqualTo(200);
		String html = page.body();
		assertThat(kpi(html, "kpi-red")).isEqualTo("4");
		assertThat(kpi(html, "kpi-yellow")).isEqualTo("2");
		assertThat(kpi(html, "kpi-overdue-rate-basis")).isEqualTo("红灯 4 ÷ 在办 " + inHand);
		for (String caseNo : List.of(a, b, y, e, c, g)) {
			assertThat(html.split("data-case=\"" + caseNo + "\"", -1)).as(names.get(caseNo) + " one row").hasSize(2);
			assertThat(html).as("the row opens the case").contains("href=\"/api/cases/" + caseNo + "\"");
		}
		assertThat(html).doesNotContain("data-case=\"" + f + "\"").doesNotContain("data-case=\"" + h + "\"");
		assertThat(html).contains("瓯海区市场监督管理局审批人员").doesNotContain(">dept-scjg<");
		JsonNode chart = charts(html);
		assertThat(chart.get("departments")).extracting(JsonNode::asText)
			.containsExactly("瓯海区市场监督管理局", "温州市公安局瓯海区分局");
		assertThat(chart.get("red")).extracting(JsonNode::asLong).containsExactly(3L, 1L);
		assertThat(chart.get("yellow")).extracting(JsonNode::asLong).containsExactly(1L, 1L);
		// the row's link: a supervisor opens the case
		Api.Response detail = this.api.get("supervisor", "/api/cases/" + b);
		assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
		assertThat(detail.json().get("caseNo").asText()).isEqualTo(b);
	}

	@Test
	void aSupervisorUrgesFromTheDashboardRow() {
		at("2026-09-07T02:00:00Z"); // Mon 7 Sep
		String caseNo = this.steps.acceptPerson("GA-CSDJ-001", "OH-CENTRE", "WINDOW", BIRTH);
		at("2026-09-10T02:00:00Z"); // Thu 10 Sep: due 24:00 Tue 8 Sep, red
		String html = this.api.get("supervisor", "/supervision").body();
		assertThat(html).contains("action=\"/supervision/cases/" + caseNo + "/urge\"");

		// the row's form, as the browser sends it from the page itself
		Map<String, String> sameOrigin = Map.of("Sec-Fetch-Site", "same-origin");
		Api.Response sent = this.api.postForm("supervisor", "/supervision/cases/" + caseNo + "/urge",
				Map.of("message", "请说明超期原因并尽快办结"), sameOrigin);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(302);
		assertThat(sent.headers().get("Location").get(0)).contains("/supervision?urged=" + caseNo);
		JsonNode urge = urges(caseNo).get(0);
		assertThat(urge.get("state").asText()).isEqualTo("OPEN");
		assertThat(urge.get("message").asText()).isEqualTo("请说明超期原因并尽快办结");
		assertThat(urge.get("urgedBy").asText()).isEqualTo("supervisor");
		assertThat(urge.get("departmentName").asText()).isEqualTo("温州市公安局瓯海区分局");
		String after = this.api.get("supervisor", "/supervision?urged=" + caseNo).body();
		assertThat(after).contains("已对办件 " + caseNo + " 发出督办").contains("已督办 1 次，1 次待答复");
		assertThat(after.substring(after.indexOf("id=\"urges\""))).contains(caseNo).contains("请说明超期原因并尽快办结")
			.contains("温州市公安局瓯海区分局");

		// nothing to say, or from another site: refused, nothing stored
		Api.Response blank = this.api.postForm("supervisor", "/supervision/cases/" + caseNo + "/urge", Map.of("message", "  "),
				sameOrigin);
		assertThat(blank.headers().get("Location").get(0)).contains("urgeFailed=" + caseNo);
		assertThat(this.api.get("supervisor", "/supervision?urgeFailed=" + caseNo + "&reason=%E8%AF%B7%E5%A1%AB%E5%86%99%E7%9D%A3%E5%8A%9E%E5%86%85%E5%AE%B9")
			.body()).contains("督办未发出：请填写督办内容");
		assertThat(this.api.postForm("supervisor", "/supervision/cases/" + caseNo + "/urge", Map.of("message", "催办"),
				Map.of("Sec-Fetch-Site", "cross-site")).status()).isEqualTo(403);
		assertThat(this.api.postForm("approver-ga", "/supervision/cases/" + caseNo + "/urge", Map.of("message", "催办"),
				sameOrigin).status()).isEqualTo(403);
		assertThat(urges(caseNo)).hasSize(1);
	}

	private static List<String> departmentLines(JsonNode totals) {
		List<String> lines = new ArrayList<>();
		totals.get("departments").forEach(d -> lines.add(d.get("department").asText() + " " + d.get("departmentName").asText()
				+ " red " + d.get("red").asLong() + " yellow " + d.get("yellow").asLong() + " redSteps "
				+ d.get("redSteps").asLong() + " yellowSteps " + d.get("yellowSteps").asLong()));
		return lines;
	}

	private static String kpi(String html, String id) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1).trim();
	}

	/** The charts' data the page embeds for ECharts. */
	private static JsonNode charts(String html) throws Exception {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("window\\.DASHBOARD = (\\{.*?\\});", java.util.regex.Pattern.DOTALL)
			.matcher(html);
		assertThat(m.find()).isTrue();
		return new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.group(1));
	}

	@Test
	void anUrgeReachesTheDepartmentsHeadsAndTimesOutVisibly() {
		at("2026-06-22T02:00:00Z"); // Mon 22 Jun, after the Dragon Boat holiday
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		Api.Response issued = this.api.post("supervisor", "/api/supervision/cases/" + caseNo + "/urge",
				Map.of("message", "请说明办理进度并加快办理"));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		JsonNode urge = issued.json();
		assertThat(urge.get("state").asText()).isEqualTo("OPEN");
		assertThat(urge.get("department").asText()).isEqualTo("scjg");
		// its own limit, 2 working days: 24:00 Wed 24 Jun
		assertThat(urge.get("dueDate").asText()).isEqualTo("2026-06-25T00:00:00+08:00");
		long id = urge.get("id").asLong();

		// it reaches the department's heads as a task and a notification, and it is on the timeline
		String pid = this.jdbc.queryForObject("SELECT process_instance_id FROM case_urge WHERE id = ?", String.class, id);
		assertThat(this.tasks.createTaskQuery().processInstanceId(pid).taskCandidateGroup("head-scjg").count()).isEqualTo(1);
		JsonNode urgeTask = null;
		for (JsonNode task : this.api.get("head-scjg", "/api/tasks").json()) {
			if ("答复督办".equals(task.get("name").asText())) {
				urgeTask = task;
			}
		}
		assertThat(urgeTask).as("the urge in the head's task list").isNotNull();
		// the list says which case it is about, and that it is answered at /api/urges, not as a case step
		assertThat(urgeTask.get("caseNo").asText()).isEqualTo(caseNo);
		assertThat(urgeTask.get("caseStep").asBoolean()).isFalse();
		Api.Response notHere = this.api.post("head-scjg", "/api/tasks/" + urgeTask.get("id").asText() + "/complete",
				Map.of("decision", "APPROVE"));
		assertThat(notHere.status()).isEqualTo(409);
		assertThat(notHere.json().get("message").asText()).contains("/api/urges");
		assertThat(this.jdbc.queryForList("SELECT addressee FROM notification WHERE case_no = ? AND kind = 'URGE'",
				String.class, caseNo)).containsExactly("head-scjg");
		JsonNode line = this.steps.timeline(caseNo, "URGE").get(0);
		assertThat(line.get("actor").asText()).isEqualTo("supervisor");
		assertThat(line.get("opinion").asText()).isEqualTo("请说明办理进度并加快办理");

		// nobody answers: a reminder at 24:00 Tue 23 Jun, then overdue and reported
		at("2026-06-25T02:00:00Z");
		EngineJobs.runDue(this.management, pid);
		JsonNode overdue = urges(caseNo).get(0);
		assertThat(overdue.get("state").asText()).isEqualTo("OVERDUE");
		assertThat(overdue.get("late").asBoolean()).isTrue();
		assertThat(this.steps.escalations(caseNo)).containsExactlyInAnyOrder("URGE_NEAR_DUE→head-scjg",
				"URGE_OVERDUE→supervisor");

		// the head still answers, late; a second answer is refused
		assertThat(this.api.post("approver-scjg", "/api/urges/" + id + "/answer", Map.of("answer", "x")).status())
			.isEqualTo(403);
		Api.Response answered = this.api.post("head-scjg", "/api/urges/" + id + "/answer",
				Map.of("answer", "现场核查排期所致，已安排专人加快办理"));
		assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
		assertThat(answered.json().get("state").asText()).isEqualTo("ANSWERED");
		assertThat(answered.json().get("late").asBoolean()).isTrue();
		assertThat(answered.json().get("answeredBy").asText()).isEqualTo("head-scjg");
		assertThat(this.api.post("head-scjg", "/api/urges/" + id + "/answer", Map.of("answer", "再次答复")).status())
			.isEqualTo(409);
		assertThat(this.steps.timeline(caseNo, "STEP").stream().map(e -> e.get("step").asText())).contains("答复督办");
	}

	@Test
	void onlySupervisorsSeeTheDashboardAndTheirApiAndTheyChangeNothingButUrges() {
		at("2026-06-29T02:00:00Z");
		String caseNo = this.steps.acceptFoodLicence("WINDOW");
		for (String user : List.of("approver-scjg", "head-scjg", "clerk", "analyst", "reviewer")) {
			assertThat(this.api.get(user, "/api/supervision/overdue").status()).as(user).isEqualTo(403);
			assertThat(this.api.get(user, "/api/supervision/stats").status()).as(user).isEqualTo(403);
			assertThat(this.api.get(user, "/supervision").status()).as(user).isEqualTo(403);
			assertThat(this.api.post(user, "/api/supervision/cases/" + caseNo + "/urge", Map.of("message", "催办"))
				.status()).as(user).isEqualTo(403);
		}
		assertThat(this.api.get(null, "/supervision").status()).isEqualTo(401);
		assertThat(this.api.get("supervisor", "/supervision").status()).isEqualTo(200);
		assertThat(this.api.get("supervisor", "/api/supervision/stats?by=matter").status()).isEqualTo(200);
		// supervisors change nothing else: no intake, no step, no rectification
		assertThat(this.api.post("supervisor", "/api/cases", Applicants.foodLicence("sup-" + System.nanoTime())).status())
			.isEqualTo(403);
		String task = this.steps.task("approver-scjg", caseNo).get("id").asText();
		assertThat(this.api.post("supervisor", "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE")).status())
			.isEqualTo(403);
		// bad input: 4xx with the reason, nothing changed
		Long urges = this.jdbc.queryForObject("SELECT COUNT(*) FROM case_urge", Long.class);
		assertThat(this.api.post("supervisor", "/api/supervision/cases/" + caseNo + "/urge", Map.of("message", " "))
			.json().get("fields").has("message")).isTrue();
		assertThat(this.api.post("supervisor", "/api/supervision/cases/330304-20260629-999999/urge",
				Map.of("message", "催办")).status()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM case_urge", Long.class)).isEqualTo(urges);
		assertThat(this.api.get("supervisor", "/api/supervision/stats?from=2026-06-30&to=2026-06-01").status()).isEqualTo(400);
		assertThat(this.api.get("supervisor", "/api/supervision/stats?by=weather").json().get("fields").has("by")).isTrue();
		assertThat(this.api.get("supervisor", "/api/supervision/overdue?light=GREEN").status()).isEqualTo(400);
		assertThat(this.api.get("supervisor", "/api/supervision/overdue?light=PURPLE").status()).isEqualTo(400);
	}

	private long review(String caseNo, int score, String channel) {
		Api.Response response = this.api.post("clerk", "/api/cases/" + caseNo + "/reviews",
				Map.of("score", score, "channel", channel));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private JsonNode stats(String query) {
		Api.Response response = this.api.get("supervisor", "/api/supervision/stats?" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode group(JsonNode report, String key) {
		for (JsonNode group : report.get("groups")) {
			if (key.equals(group.get("key").asText())) {
				return group;
			}
		}
		throw new AssertionError("no group " + key + " in " + report.get("groups"));
	}

	private List<JsonNode> late(String query) {
		Api.Response response = this.api.get("supervisor", "/api/supervision/overdue?limit=1000&" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		response.json().get("items").forEach(items::add);
		return items;
	}

	private static List<JsonNode> mine(List<JsonNode> items, String caseNo) {
		return items.stream().filter(i -> i.get("caseNo").asText().equals(caseNo)).toList();
	}

	private List<JsonNode> urges(String caseNo) {
		List<JsonNode> items = new ArrayList<>();
		this.api.get("supervisor", "/api/supervision/urges?caseNo=" + caseNo).json().forEach(items::add);
		return items;
	}

}

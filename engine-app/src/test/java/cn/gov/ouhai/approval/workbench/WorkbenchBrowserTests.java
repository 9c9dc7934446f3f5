package cn.gov.ouhai.approval.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import static cn.gov.ouhai.approval.CaseSteps.at;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * The approver's day in a real browser (Debian's headless Chromium, as the dashboard's test): log in
 * through the form, the seeded red task first with its light, a case opened beside its form with a
 * PDF material shown inline and the diagram, the step decided with the analyst's form, the head
 * seeing it arrive; a reload keeps the session, logout ends it, a change without the CSRF token is
 * refused. Screenshots at 1366×768 go to {@code target/screenshots/} for the user manual.
 */
@PlatformTest
class WorkbenchBrowserTests {

	@LocalServerPort
	int port;

	Api api;

	CaseSteps steps;

	WorkbenchBrowser page;

	ChromeDriver browser;

	@BeforeEach
	void openBrowser() {
		this.api = new Api(this.port);
		this.steps = new CaseSteps(this.api);
		this.page = WorkbenchBrowser.start(this.port);
		this.browser = this.page.driver();
	}

	@AfterEach
	void closeBrowser() {
		ClockUtil.reset();
		if (this.page != null) {
			this.page.quit();
		}
	}

	@Test
	void anApproverSeesTheRedTaskFirstDecidesWithTheFormAndTheHeadSeesItArrive() throws Exception {
		// a birth registration taken in on Monday and still waiting on Thursday: two working days late,
		// as the demo's late case (DemoLateCases); tests take in no demo cases, so this one is seeded here
		at("2026-08-03T02:00:00Z");
		String late = this.steps.acceptPerson("GA-CSDJ-001", "OH-CENTRE", "WINDOW", List.of("M01", "M02", "M03", "M04"));
		at("2026-08-06T02:00:00Z");
		JsonNode first = this.api.get("approver-ga", "/api/tasks").json().get(0);
		assertThat(first.get("light").asText()).isEqualTo("RED");
		assertThat(first.get("caseNo").asText()).isEqualTo(late);

		open("/workbench/");
		assertThat(this.browser.getCurrentUrl()).as("not logged in: the login page").contains("/workbench/login");
		logIn("approver-ga");
		WebElement top = visible(By.cssSelector("#task-table .task-row"));
		assertThat(top.getText()).contains(first.get("caseNo").asText()).contains("出生登记").containsPattern("红灯 (超期 \\d+ 个工作日|已超期)");
		assertThat(top.findElement(By.cssSelector(".light")).getAttribute("data-light")).isEqualTo("RED");
		assertThat(this.browser.findElement(By.id("todo-count")).getText()).matches("\\d+");
		screenshot("workbench-todo.png");

		// a reload keeps the session; logout ends it
		this.browser.navigate().refresh();
		visible(By.cssSelector("#task-table .task-row"));
		assertThat(this.browser.getCurrentUrl()).doesNotContain("/login");
		logOut();
		open("/workbench/");
		assertThat(this.browser.getCurrentUrl()).contains("/workbench/login");
		assertThat(fetchStatus("GET", "/api/workbench/me", false)).isEqualTo(401);

		// an online food licence with its PDF scans, worked by 市场监管
		String caseNo = this.steps.acceptFoodLicence("PC");
		String taskId = this.steps.task("approver-scjg", caseNo).get("id").asText();
		logIn("approver-scjg");
		visible(By.cssSelector("#task-table .task-row"));
		// a change without the CSRF token is refused, even from the workbench's own page
		assertThat(fetchStatus("POST", "/api/tasks/" + taskId + "/claim", false)).isEqualTo(403);
		assertThat(this.steps.task("approver-scjg", caseNo).path("assignee").isNull()).isTrue();

		this.browser.findElement(By.id("case-search")).sendKeys(caseNo);
		WebElement row = visible(
				By.xpath("//table//tr[contains(@class,'task-row')][.//td[contains(., '" + caseNo + "')]]"));
		assertThat(this.browser.findElement(By.id("live-count")).getText()).isEqualTo("共 1 件");
		row.click();

		// the case view: the step's deployed form, the PDF shown inline, the clock
		urlContains("/workbench/tasks/" + taskId);
		visible(By.cssSelector("#camunda-form .fjs-form"));
		WebElement pdf = visible(By.id("pdf-preview"));
		assertThat(pdf.getAttribute("src")).startsWith("blob:");
		assertThat(this.browser.findElement(By.id("material-list")).getText()).contains("M01.pdf");
		assertThat(this.browser.findElement(By.id("sla")).getText()).contains("截止").contains("个工作日");
		assertThat(this.browser.findElement(By.id("case-no")).getText()).isEqualTo(caseNo);
		assertThat(this.browser.findElement(By.id("camunda-form")).getText()).contains("审查通过").contains("审查不通过");
		screenshot("workbench-case.png");

		// the diagram: the current step in its light's colour
		this.browser.findElement(By.xpath("//div[contains(@class,'el-tabs__item') and contains(., '流程图')]")).click();
		present(
				By.cssSelector("#diagram [data-element-id='Task_ReviewMaterials'][class*='step-current-']"));
		screenshot("workbench-diagram.png");
		this.browser.findElement(By.xpath("//div[contains(@class,'el-tabs__item') and contains(., '申请材料')]")).click();

		// decided with the analyst's form: its decision values, its opinion field
		this.browser.findElement(By.xpath("//div[@id='camunda-form']//label[contains(., '审查通过') and not(contains(., '不通过'))]")).click();
		this.browser.findElement(By.cssSelector("#camunda-form textarea")).sendKeys("材料齐全，同意");
		this.browser.findElement(By.id("complete")).click();
		until(() -> !this.browser.getCurrentUrl().contains("/tasks/"));
		List<JsonNode> decided = this.steps.timeline(caseNo, "STEP");
		assertThat(decided).anySatisfy(step -> {
			assertThat(step.get("stepId").asText()).isEqualTo("Task_ReviewMaterials");
			assertThat(step.get("actor").asText()).isEqualTo("approver-scjg");
			assertThat(step.get("decision").asText()).isEqualTo("APPROVE");
			assertThat(step.get("opinion").asText()).isEqualTo("材料齐全，同意");
		});
		logOut();

		// the head sees it arrive
		logIn("head-scjg");
		this.browser.findElement(By.id("case-search")).sendKeys(caseNo);
		WebElement arrived = visible(
				By.xpath("//table//tr[contains(@class,'task-row')][.//td[contains(., '" + caseNo + "')]]"));
		assertThat(arrived.getText()).contains("作出许可决定");
		logOut();
	}

	private WebElement visible(By by) {
		return this.page.visible(by);
	}

	private WebElement present(By by) {
		return until(() -> this.browser.findElements(by).stream().findFirst().orElse(null));
	}

	private void urlContains(String part) {
		until(() -> this.browser.getCurrentUrl().contains(part));
	}

	private <T> T until(Supplier<T> condition) {
		return this.page.until(condition);
	}

	private void open(String path) {
		this.page.open(path);
	}

	private void logIn(String user) {
		this.page.logIn(user);
	}

	private void logOut() {
		this.page.logOut();
	}

	/** A request from the page's own script, as the app would send it but without the CSRF token. */
	private long fetchStatus(String method, String path, boolean withToken) {
		Object status = this.browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const headers = { 'X-Requested-With': 'XMLHttpRequest' };
				fetch(arguments[1], { method: arguments[0], headers, credentials: 'same-origin' })
				  .then(r => done(r.status), e => done(-1));
				""", method, path);
		return (Long) status;
	}

	private void screenshot(String name) throws Exception {
		this.page.screenshot(name);
	}

}

package cn.gov.ouhai.approval.workbench;

import static cn.gov.ouhai.approval.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.TestUsers;
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * The workbench's operations through their dialogs in a real browser (headless Debian Chromium): 转办
 * to a colleague who sees it and the bell ringing for it, 退回 from the head's decision to review,
 * 征求意见 asked and answered by another department with the answer in the case view, 抄送 in the
 * receiver's 抄送我的, the applicant revealed on a deliberate click, and the head's 部门总览.
 * Screenshots at 1366×768 go to {@code target/screenshots/} for the user manual.
 */
@PlatformTest
class WorkbenchOperationsBrowserTests {

	static final String SECOND = "approver2-scjg";

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	Api api;

	CaseSteps steps;

	WorkbenchBrowser page;

	ChromeDriver browser;

	@BeforeEach
	void openBrowser() {
		this.api = new Api(this.port);
		this.steps = new CaseSteps(this.api);
		at("2026-07-06T02:00:00Z"); // Mon 6 Jul 2026, 10:00
		TestUsers.ensure(this.identity, SECOND, "二", "审批员", "dept-scjg");
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
	void anApproverTransfersThroughTheDialogAndTheColleagueSeesItWithTheBell() throws Exception {
		String caseNo = this.steps.acceptFoodLicence("PC");
		String taskId = this.steps.task("approver-scjg", caseNo).get("id").asText();
		logIn("approver-scjg");
		open("/workbench/tasks/" + taskId);
		visible(By.cssSelector("#camunda-form .fjs-form"));

		// the applicant masked until the deliberate click, which the platform records
		String masked = visible(By.id("applicant-id")).getText();
		assertThat(masked).contains("*");
		this.browser.findElement(By.id("reveal")).click();
		until(() -> !this.browser.findElement(By.id("applicant-id")).getText().contains("*"));
		assertThat(this.browser.findElement(By.id("applicant")).getText()).contains("查看已记录");

		// 常用意见: the opinion saved as a phrase, then picked into the field
		// typed until the form holds it (form-js may still be settling right after it shows)
		until(() -> {
			WebElement opinion = this.browser.findElement(By.cssSelector("#camunda-form textarea"));
			if (!"材料齐全，符合要求".equals(opinion.getDomProperty("value"))) {
				opinion.clear();
				opinion.sendKeys("材料齐全，符合要求");
				return null;
			}
			return true;
		});
		this.browser.findElement(By.id("save-phrase")).click();
		visible(By.xpath("//div[@id='opinion-phrases']//span[contains(@class,'el-tag')][contains(., '材料齐全')]"));
		screenshot("workbench-case-actions.png");

		this.browser.findElement(By.id("op-transfer")).click();
		choose("transfer-to", SECOND);
		visible(By.id("transfer-reason")).sendKeys("本人出差");
		screenshot("workbench-transfer.png");
		this.browser.findElement(By.id("transfer-submit")).click();
		until(() -> !this.browser.getCurrentUrl().contains("/tasks/"));
		assertThat(this.steps.task(SECOND, caseNo).get("assignee").asText()).isEqualTo(SECOND);
		assertThat(this.steps.timeline(caseNo, "TRANSFER")).anySatisfy(
				line -> assertThat(line.get("opinion").asText()).contains(SECOND).contains("本人出差"));
		logOut();

		// the colleague: the task in 待办, the bell with its unread count
		logIn(SECOND);
		this.browser.findElement(By.id("case-search")).sendKeys(caseNo);
		WebElement row = visible(By.xpath("//table//tr[contains(@class,'task-row')][.//td[contains(., '" + caseNo + "')]]"));
		assertThat(row.getText()).contains("我");
		WebElement count = visible(By.cssSelector("#bell-count .el-badge__content"));
		assertThat(Integer.parseInt(count.getText().trim())).isGreaterThanOrEqualTo(1);
		this.browser.findElement(By.id("bell")).click();
		WebElement item = visible(By.xpath("//div[@id='bell-list']//div[contains(@class,'bell-item')][contains(., '" + caseNo + "')]"));
		assertThat(item.getText()).contains("转办");
		screenshot("workbench-bell.png");
		this.browser.findElement(By.id("bell-read-all")).click();
		until(() -> this.api.get(SECOND, "/api/notifications/unread-count").json().get("unread").asLong() == 0);
		logOut();
	}

	@Test
	void anApproverDelegatesAndTheDelegateHandsItBack() throws Exception {
		String caseNo = this.steps.acceptFoodLicence("PC");
		String taskId = this.steps.task("approver-scjg", caseNo).get("id").asText();
		logIn("approver-scjg");
		open("/workbench/tasks/" + taskId);
		visible(By.cssSelector("#camunda-form .fjs-form"));
		this.browser.findElement(By.id("op-delegate")).click();
		choose("delegate-to", SECOND);
		visible(By.id("delegate-reason")).sendKeys("请协助核对面积");
		this.browser.findElement(By.id("delegate-submit")).click();
		until(() -> !this.browser.getCurrentUrl().contains("/tasks/"));
		assertThat(this.steps.task(SECOND, caseNo).get("assignee").asText()).isEqualTo(SECOND);
		logOut();

		// the delegate: no 提交办理, only 交回 with an opinion
		logIn(SECOND);
		open("/workbench/tasks/" + taskId);
		visible(By.id("op-resolve")).click();
		assertThat(this.browser.findElements(By.id("complete"))).isEmpty();
		visible(By.id("resolve-opinion")).sendKeys("面积核对无误");
		this.browser.findElement(By.id("resolve-submit")).click();
		until(() -> !this.browser.getCurrentUrl().contains("/tasks/"));
		assertThat(this.steps.task("approver-scjg", caseNo).get("assignee").asText()).isEqualTo("approver-scjg");
		assertThat(this.steps.timeline(caseNo, "RESOLVE")).anySatisfy(
				line -> assertThat(line.get("opinion").asText()).contains("面积核对无误"));
		logOut();
	}

	@Test
	void theHeadSendsTheDecisionBackToReviewThroughTheDialog() throws Exception {
		String caseNo = this.steps.acceptFoodLicence("PC");
		this.steps.complete("approver-scjg", caseNo, "APPROVE");
		JsonNode decision = this.steps.task("head-scjg", caseNo);
		logIn("head-scjg");
		open("/workbench/tasks/" + decision.get("id").asText());
		visible(By.cssSelector("#camunda-form .fjs-form"));
		this.browser.findElement(By.id("op-send-back")).click();
		choose("send-back-to", "审查申请材料");
		visible(By.id("send-back-reason")).sendKeys("面积核算有误");
		screenshot("workbench-send-back.png");
		this.browser.findElement(By.id("send-back-submit")).click();
		until(() -> !this.browser.getCurrentUrl().contains("/tasks/"));
		JsonNode back = this.steps.task("approver-scjg", caseNo);
		assertThat(back.get("stepId").asText()).isEqualTo("Task_ReviewMaterials");
		assertThat(this.steps.timeline(caseNo, "SEND_BACK")).anySatisfy(
				line -> assertThat(line.get("opinion").asText()).contains("面积核算有误"));

		// the head's view: the department's open steps by person and light
		open("/workbench/head"); // (the success message may still cover the menu)
		visible(By.xpath("//div[@id='head-table']//tr[.//td[contains(., '" + caseNo + "')]]"));
		assertThat(this.browser.findElement(By.id("head-people")).getText()).contains("approver-scjg");
		screenshot("workbench-head.png");
		logOut();
	}

	@Test
	void anotherDepartmentAnswersTheConsultationAndACopyReachesItsReceiver() throws Exception {
		String caseNo = this.steps.acceptFoodLicence("PC");
		String taskId = this.steps.task("approver-scjg", caseNo).get("id").asText();
		logIn("approver-scjg");
		open("/workbench/tasks/" + taskId);
		visible(By.cssSelector("#camunda-form .fjs-form"));

		this.browser.findElement(By.id("op-consult")).click();
		choose("consult-group", "卫生健康");
		visible(By.id("consult-question")).sendKeys("该场所是否需要卫生许可？");
		this.browser.findElement(By.id("consult-submit")).click();
		WebElement asked = visible(By.id("consultations"));
		assertThat(asked.getText()).contains("该场所是否需要卫生许可？").contains("待答复");

		this.browser.findElement(By.id("op-copy")).click();
		choose("copy-users", SECOND, true);
		visible(By.id("copy-note")).sendKeys("请知悉");
		this.browser.findElement(By.id("copy-submit")).click();
		until(() -> !this.steps.timeline(caseNo, "COPY").isEmpty());
		logOut();

		// 卫健 answers in its 征求意见 tab
		logIn("approver-wjj");
		this.browser.findElement(By.id("nav-consultations")).click();
		WebElement card = visible(By.xpath("//div[contains(@class,'consultation-card')][contains(., '" + caseNo + "')]"));
		card.findElement(By.cssSelector("textarea")).sendKeys("需要办理公共场所卫生许可");
		screenshot("workbench-consultation.png");
		card.findElement(By.cssSelector(".answer-submit")).click();
		until(() -> card.getText().contains("已答复"));
		logOut();

		// the answer in the asker's case view
		logIn("approver-scjg");
		open("/workbench/tasks/" + taskId);
		WebElement answered = visible(By.id("consultations"));
		until(() -> answered.getText().contains("需要办理公共场所卫生许可"));
		assertThat(answered.getText()).contains("已答复");
		logOut();

		// the copy in the receiver's 抄送我的
		logIn(SECOND);
		this.browser.findElement(By.id("nav-copies")).click();
		WebElement copy = visible(By.xpath("//div[@id='copies-table']//tr[.//td[contains(., '" + caseNo + "')]]"));
		assertThat(copy.getText()).contains("approver-scjg").contains("请知悉");
		screenshot("workbench-copies.png");
		copy.findElement(By.cssSelector(".copy-read")).click();
		until(() -> copy.getText().contains("已读"));
		logOut();
	}

	/** Opens an Element Plus select (by its input's id) and picks the visible option containing the text. */
	private void choose(String selectId, String text) {
		choose(selectId, text, false);
	}

	private void choose(String selectId, String text, boolean multiple) {
		WebElement select = visible(
				By.xpath("//*[@id='" + selectId + "']/ancestor-or-self::div[contains(concat(' ', @class, ' '), ' el-select ')][1]"));
		select.click();
		// the popper opens with a short animation: wait for it to settle before clicking; a click that fell
		// beneath it closed it, so open it again
		until(() -> {
			for (WebElement item : this.browser.findElements(
					By.xpath("//li[contains(@class,'el-select-dropdown__item')][contains(., '" + text + "')]"))) {
				// a long list scrolls inside its popper: bring the option into view before asking whether it shows
				this.browser.executeScript("arguments[0].scrollIntoView({block: 'nearest'})", item);
				if (item.isDisplayed()) {
					pause(400);
					item.click();
					return true;
				}
			}
			if (this.browser.findElements(By.cssSelector(".el-select__popper")).stream().noneMatch(WebElement::isDisplayed)) {
				select.click();
				pause(400);
			}
			return null;
		});
		if (multiple) {
			// a multiple select stays open: a click outside it (the dialog's title) closes it
			visible(By.cssSelector(".el-dialog__title")).click();
		}
	}

	private static void pause(long millis) {
		WorkbenchBrowser.pause(millis);
	}

	private WebElement visible(By by) {
		return this.page.visible(by);
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

	private void screenshot(String name) throws Exception {
		this.page.screenshot(name);
	}

}

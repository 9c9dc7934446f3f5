package cn.gov.ouhai.approval.supervision;

import static cn.gov.ouhai.approval.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * The dashboard in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs) logs in as the demo supervisor, loads
 * {@code /supervision}, finds the red case this test seeded, the charts drawn by the bundled
 * ECharts, and saves screenshots for a big screen and a laptop under {@code target/}.
 */
@PlatformTest
class SupervisionDashboardBrowserTests {

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	@LocalServerPort
	int port;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void theDemoSupervisorSeesTheRedCaseOnTheDashboard() throws Exception {
		boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
		if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but chromium and chromium-driver are not installed (.ci/run installs them)");
		}
		Assumptions.assumeTrue(installed, "no headless Chromium here: apt-get install chromium chromium-driver");

		CaseSteps steps = new CaseSteps(new Api(this.port));
		at("2026-08-03T02:00:00Z"); // Mon 3 Aug
		String caseNo = steps.acceptPerson("GA-CSDJ-001", "OH-CENTRE", "WINDOW", List.of("M01", "M02", "M03", "M04"));
		at("2026-08-06T02:00:00Z"); // Thu 6 Aug: due 24:00 Tue 4 Aug, two working days late

		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--lang=zh-CN", "--window-size=1920,1080");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver browser = new ChromeDriver(service, options);
		try {
			// the demo supervisor's Basic login, sent with every request of the page like a browser that logged in
			String login = Base64.getEncoder().encodeToString("supervisor:demo".getBytes(StandardCharsets.UTF_8));
			browser.executeCdpCommand("Network.enable", Map.of());
			browser.executeCdpCommand("Network.setExtraHTTPHeaders",
					Map.of("headers", Map.of("Authorization", "Basic " + login)));
			browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			browser.get("http://localhost:" + this.port + "/supervision");

			assertThat(browser.getTitle()).contains("效能督查");
			WebElement row = browser.findElement(By.cssSelector("#late tbody[data-case='" + caseNo + "'] tr.case-row"));
			assertThat(row.getAttribute("class")).contains("red");
			assertThat(row.getText()).contains("出生登记").contains("2 个工作日").contains("张*")
				.contains("温州市公安局瓯海区分局")
				.doesNotContain("330304199003071234");
			// the row opens the case
			assertThat(row.findElement(By.cssSelector("a.case-link")).getAttribute("href"))
				.endsWith("/api/cases/" + caseNo);
			// its late step is inside it, folded until the supervisor opens it
			WebElement lateSteps = browser.findElement(By.cssSelector("#late tbody[data-case='" + caseNo + "'] details.steps"));
			WebElement step = lateSteps.findElement(By.cssSelector("td.step"));
			assertThat(step.isDisplayed()).isFalse();
			lateSteps.findElement(By.tagName("summary")).click();
			assertThat(step.isDisplayed()).isTrue();
			assertThat(step.getText()).isEqualTo("办理出生登记");
			assertThat(lateSteps.getText()).contains("温州市公安局瓯海区分局审批人员");
			assertThat(browser.executeScript("return typeof echarts")).as("ECharts served by the application")
				.isEqualTo("object");
			assertThat(browser.findElements(By.cssSelector("#chart-departments canvas"))).isNotEmpty();
			assertThat(browser.getPageSource()).doesNotContain("13812345678");

			Path target = Path.of("target");
			Files.createDirectories(target);
			Files.write(target.resolve("supervision-dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
			browser.manage().window().setSize(new Dimension(1366, 768));
			Files.write(target.resolve("supervision-dashboard-laptop.png"), browser.getScreenshotAs(OutputType.BYTES));
			assertThat(target.resolve("supervision-dashboard.png")).isNotEmptyFile();

			// 督办 from the row: the form, the Chinese confirmation, the page back with the result
			browser.manage().window().setSize(new Dimension(1920, 1080));
			WebElement urge = browser.findElement(By.cssSelector("#late tbody[data-case='" + caseNo + "'] details.urge-form"));
			urge.findElement(By.tagName("summary")).click();
			urge.findElement(By.tagName("button")).click();
			org.openqa.selenium.Alert confirm = browser.switchTo().alert();
			assertThat(confirm.getText()).contains("确认对办件 " + caseNo).contains("发出督办");
			confirm.accept();
			WebElement result = browser.findElement(By.id("urge-result"));
			assertThat(result.getText()).contains("已对办件 " + caseNo + " 发出督办");
			assertThat(browser.findElement(By.id("urges")).getText()).contains(caseNo).contains("请说明超期原因并尽快办结");
		}
		finally {
			browser.quit();
		}
	}

}

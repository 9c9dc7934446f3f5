package cn.gov.ouhai.approval.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium on the workbench at 1366×768, with the steps and waits the browser
 * tests share: log in and out through the form, wait for what shows, save a screenshot.
 */
final class WorkbenchBrowser {

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final int port;

	private WorkbenchBrowser(ChromeDriver driver, int port) {
		this.driver = driver;
		this.port = port;
	}

	/** A new browser; the test is skipped without Chromium, and fails without it under CI. */
	static WorkbenchBrowser start(int port) {
		boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
		if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but chromium and chromium-driver are not installed (.ci/run installs them)");
		}
		Assumptions.assumeTrue(installed, "no headless Chromium here: apt-get install chromium chromium-driver");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=zh-CN",
					"--window-size=1366,768", "--hide-scrollbars");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		// the page itself at 1366×768 (a laptop at the counter or in the back office), whatever the window's frame
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
		return new WorkbenchBrowser(driver, port);
	}

	ChromeDriver driver() {
		return this.driver;
	}

	void open(String path) {
		this.driver.get("http://localhost:" + this.port + path);
	}

	void logIn(String user) {
		if (!this.driver.getCurrentUrl().contains("/workbench/login")) {
			open("/workbench/login");
		}
		WebElement name = visible(By.id("username"));
		name.clear();
		name.sendKeys(user);
		this.driver.findElement(By.id("password")).sendKeys("demo");
		this.driver.findElement(By.id("login-submit")).click();
		until(() -> this.driver.findElement(By.id("current-user")).getText().contains(user));
	}

	void logOut() {
		visible(By.id("logout")).click();
		until(() -> this.driver.getCurrentUrl().contains("/workbench/login"));
	}

	/** The first element found that is displayed, once there is one. */
	WebElement visible(By by) {
		return until(() -> {
			List<WebElement> found = this.driver.findElements(by);
			return found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
		});
	}

	/**
	 * Polls for up to 30 s until the condition holds (true or non-null), as Selenium's waits do; in
	 * vain, a screenshot of the page is saved beside the others.
	 */
	<T> T until(Supplier<T> condition) {
		long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		RuntimeException last = null;
		while (System.nanoTime() < end) {
			try {
				T value = condition.get();
				if (value != null && !Boolean.FALSE.equals(value)) {
					return value;
				}
			}
			catch (WebDriverException notYet) {
				last = notYet;
			}
			pause(200);
		}
		try {
			screenshot("failed-" + System.currentTimeMillis() + ".png");
		}
		catch (Exception ignored) {
			// the assertion below says what failed
		}
		throw new AssertionError("waited 30 s in vain at " + this.driver.getCurrentUrl(), last);
	}

	void screenshot(String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name), this.driver.getScreenshotAs(OutputType.BYTES));
	}

	void quit() {
		this.driver.quit();
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}

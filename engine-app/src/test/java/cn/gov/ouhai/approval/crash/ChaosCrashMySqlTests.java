package cn.gov.ouhai.approval.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.gov.ouhai.approval.crash.ChaosCrashDrill.Report;

/**
 * The crash drill, short (300 intakes), in the MySQL suite: the platform runs as a JVM of its own
 * from the test classpath on a database of the drill's own, is killed with SIGKILL halfway through
 * the load and restarted with its clock ten days ahead. {@code scripts/chaos-crash} runs the same
 * drill from the jar with 2,000.
 */
@Tag("mysql")
class ChaosCrashMySqlTests {

	static final int REQUESTS = 300;

	@Test
	void losesNoAnsweredIntakeOrCompletionWhenKilledMidLoadAndFiresThePendingTimersAfterTheRestart()
			throws Exception {
		ChaosCrashDrill.Settings settings = ChaosCrashDrill.Settings.fromEnvironment().withRequests(REQUESTS)
			// the platform under test is this build's classes, whatever jar lies around
			// C1 only: the platform starts twice and its peak speed does not matter here
			.withLaunch(ChaosCrashDrill.Settings.launchFromClasspath("-Xmx768m -XX:TieredStopAtLevel=1"));
		serverAnswers(settings);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream both = new PrintStream(new TeeOutput(System.err, printed), true, StandardCharsets.UTF_8);

		Report report = new ChaosCrashDrill(settings, both).run();

		assertThat(report.violations()).as(printed.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(report.intakesAnswered()).as("intakes answered before the kill").isGreaterThanOrEqualTo(REQUESTS / 2);
		assertThat(report.found()).isEqualTo(report.intakesAnswered());
		assertThat(report.missing()).isZero();
		assertThat(report.duplicates()).isZero();
		assertThat(report.halfDone()).isZero();
		assertThat(report.completionsAnswered()).as("the approvers got work done before the kill").isPositive();
		assertThat(report.completionsDone()).isEqualTo(report.completionsAnswered());
		assertThat(report.timersAtKill()).isGreaterThanOrEqualTo(3 * (report.intakesAnswered() - report.completionsAnswered()));
		assertThat(report.timersFired()).isEqualTo(report.timersAtKill());
		assertThat(report.incidents()).isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("[chaos-crash] PASSED");
	}

	/** Like the other MySQL tests: skipped with a message without a server, except under CI. */
	private static void serverAnswers(ChaosCrashDrill.Settings settings) {
		try (var connection = DriverManager.getConnection(
				"jdbc:mysql://" + settings.server() + "/?useSSL=false&allowPublicKeyRetrieval=true", settings.user(),
				settings.password())) {
			// answers
		}
		catch (SQLException unreachable) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but no MySQL/MariaDB server at " + settings.server()
						+ ": the MySQL suite must run under CI", unreachable);
			}
			System.err.println("[MySQL suite] SKIPPED: no MySQL/MariaDB server at " + settings.server() + " ("
					+ unreachable.getMessage() + ")");
			Assumptions.abort("MySQL suite skipped: no MySQL/MariaDB server at " + settings.server());
		}
	}

	/** Prints to the test log as the drill goes, and keeps a copy for the failure message. */
	private static final class TeeOutput extends java.io.OutputStream {

		private final java.io.OutputStream first;

		private final java.io.OutputStream second;

		TeeOutput(java.io.OutputStream first, java.io.OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws java.io.IOException {
			this.first.write(b);
			this.second.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws java.io.IOException {
			this.first.write(b, off, len);
			this.second.write(b, off, len);
		}

		@Override
		public void flush() throws java.io.IOException {
			this.first.flush();
			this.second.flush();
		}

	}

}

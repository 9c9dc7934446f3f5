package cn.gov.ouhai.approval;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A MariaDB server of the test class's own, never the machine's shared one: its own data directory
 * (a temporary directory, removed after the class), its own free port on 127.0.0.1, run by the
 * current user with {@code mariadbd}. A test stops it with SIGKILL and starts it again on the same
 * data directory and port to play a database outage. Without {@code mariadbd} and
 * {@code mariadb-install-db} installed the class is skipped with a message, except under
 * {@code CI=true}, where it must run. Declare it before {@code @SpringBootTest} so that the server
 * stops only after the application context has closed.
 */
public class OwnMariaDbServer implements BeforeAllCallback, AfterAllCallback {

	public static final String DATABASE = "approval";

	private static Path directory;

	private static int port;

	private static Process server;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		Optional<Path> daemon = binary("mariadbd");
		Optional<Path> install = binary("mariadb-install-db");
		if (daemon.isEmpty() || install.isEmpty()) {
			String missing = "mariadbd and mariadb-install-db not installed (Debian: apt-get install mariadb-server)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but " + missing + ": the database outage test must run under CI");
			}
			System.err.println("[MySQL suite] SKIPPED " + context.getDisplayName() + ": " + missing);
			Assumptions.abort(missing);
		}
		directory = Files.createTempDirectory("own-mariadb-");
		port = freePort();
		run(List.of(install.get().toString(), "--no-defaults", "--datadir=" + directory.resolve("data"),
				"--user=" + System.getProperty("user.name"), "--auth-root-authentication-method=normal",
				"--skip-test-db"), directory.resolve("install.log"));
		start();
		try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		}
		System.err.println("[MySQL suite] " + context.getDisplayName() + " on a MariaDB of its own at 127.0.0.1:" + port
				+ " (data in " + directory + ")");
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
		kill();
		if (directory != null) {
			try (Stream<Path> files = Files.walk(directory)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			directory = null;
		}
	}

	/** Points the application at this server's database with the settings production uses. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", OwnMariaDbServer::url);
		registry.add("spring.datasource.username", () -> "root");
		registry.add("spring.datasource.password", () -> "");
	}

	public static String url() {
		return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE
				+ "?sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";
	}

	/** Starts the server on the data directory and port it had, and waits until it takes connections. */
	public static void start() throws IOException, InterruptedException {
		server = new ProcessBuilder(binary("mariadbd").orElseThrow().toString(), "--no-defaults",
				"--datadir=" + directory.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
				"--socket=" + directory.resolve("sock"), "--pid-file=" + directory.resolve("mariadbd.pid"),
				"--user=" + System.getProperty("user.name"), "--skip-log-bin", "--innodb-buffer-pool-size=128M",
				"--log-error=" + directory.resolve("error.log"))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("mariadbd.out").toFile()))
			.start();
		// a test JVM that ends abruptly (surefire's timeout) must not leave the server behind
		Process started = server;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			try (Connection connection = connect("")) {
				return;
			}
			catch (SQLException notYet) {
				if (!server.isAlive() || Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("MariaDB did not start on port " + port + ": see "
							+ directory.resolve("error.log"), notYet);
				}
				Thread.sleep(200);
			}
		}
	}

	/** Kills the server at once (SIGKILL), as a crash or a pulled plug would. */
	public static void kill() throws InterruptedException {
		if (server != null && server.isAlive()) {
			server.destroyForcibly();
			server.waitFor();
		}
	}

	/** A connection to the server, to {@code database} ("" for none). */
	public static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + database
				+ "?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=2000", "root", "");
	}

	private static void run(List<String> command, Path log) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log));
		}
	}

	private static Optional<Path> binary(String name) {
		List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
		dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"));
		return dirs.stream()
			.filter(d -> !d.isBlank())
			.map(d -> Path.of(d, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

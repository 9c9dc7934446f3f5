package cn.gov.ouhai.approval;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of the test's own on the machine's MySQL-compatible server (MariaDB 10.11 here,
 * through MySQL Connector/J as in production), created before the class and dropped after it.
 * Where no server answers, the suite is skipped with a message, except under CI ({@code CI=true}),
 * where it must run and so fails. Used through {@link MySqlPlatformTest}, which declares it before
 * {@code @SpringBootTest} so that it drops the database only after the application context has closed.
 */
public class MySqlDatabase implements BeforeAllCallback, AfterAllCallback {

	static final String SERVER = System.getenv().getOrDefault("MYSQL_TEST_SERVER", "127.0.0.1:3306");

	static final String USER = System.getenv().getOrDefault("MYSQL_TEST_USER", "root");

	static final String PASSWORD = System.getenv().getOrDefault("MYSQL_TEST_PASSWORD", "");

	private static String database;

	@Override
	public void beforeAll(ExtensionContext context) throws SQLException {
		// benchmarks may name a database to reuse (mysql.database) or keep (mysql.keepDatabase): a million rows take long to write
		String reuse = System.getProperty("mysql.database", "");
		String name = reuse.isBlank() ? "approval_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
				: reuse;
		try (Connection connection = server(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + (reuse.isBlank() ? "" : "IF NOT EXISTS ") + name
					+ " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
		}
		catch (SQLException unreachable) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but no MySQL/MariaDB server at " + SERVER
						+ ": the MySQL suite must run under CI", unreachable);
			}
			System.err.println("[MySQL suite] SKIPPED: no MySQL/MariaDB server at " + SERVER + " ("
					+ unreachable.getMessage() + ")");
			Assumptions.abort("MySQL suite skipped: no MySQL/MariaDB server at " + SERVER);
		}
		database = name;
		// system properties outrank the application's files: the context about to start uses this database
		System.setProperty("spring.datasource.url", url());
		System.setProperty("spring.datasource.username", USER);
		System.setProperty("spring.datasource.password", PASSWORD);
		System.err.println("[MySQL suite] running on database " + name + " at " + SERVER);
	}

	@Override
	public void afterAll(ExtensionContext context) throws SQLException {
		System.clearProperty("spring.datasource.url");
		System.clearProperty("spring.datasource.username");
		System.clearProperty("spring.datasource.password");
		if (database != null && (Boolean.getBoolean("mysql.keepDatabase") || !System.getProperty("mysql.database", "").isBlank())) {
			System.err.println("[MySQL suite] kept database " + database + " at " + SERVER);
			database = null;
		}
		if (database != null) {
			try (Connection connection = server(); Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + database);
			}
			database = null;
		}
	}

	/** Points the application at the test's database with the settings production uses. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", MySqlDatabase::url);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
	}

	private static String url() {
		return "jdbc:mysql://" + SERVER + "/" + database
				+ "?sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";
	}

	private static Connection server() throws SQLException {
		return DriverManager.getConnection("jdbc:mysql://" + SERVER + "/?useSSL=false&allowPublicKeyRetrieval=true",
				USER, PASSWORD);
	}

}

package cn.gov.ouhai.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.MyBatisSystemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures mean the database is out of reach, as Spring, MyBatis and the engine wrap them, and
 * the answer {@link ApiExceptionHandler} gives them. The whole path, with a real MariaDB killed under
 * the platform, is {@code DatabaseOutageMySqlIntegrationTests}.
 */
class DatabaseOutageTests {

	/** What Hikari throws when no connection comes within its connection timeout. */
	static final SQLTransientConnectionException POOL_TIMEOUT = new SQLTransientConnectionException(
			"HikariPool-1 - Connection is not available, request timed out after 5000ms.");

	/** What Connector/J throws when the server went away under an open connection (SQL state 08S01). */
	static final SQLException LINK_FAILURE = new SQLException("Communications link failure", "08S01");

	final ApiExceptionHandler handler = new ApiExceptionHandler();

	@Test
	void recognisesTheDatabaseOutOfReachHoweverItIsWrapped() {
		assertThat(DatabaseOutage.isCauseOf(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				POOL_TIMEOUT))).isTrue();
		assertThat(DatabaseOutage.isCauseOf(new CannotCreateTransactionException("Could not open JDBC Connection for "
				+ "transaction", POOL_TIMEOUT))).isTrue();
		// the engine: ProcessEngineException ← MyBatis PersistenceException ← the pool's or the driver's exception
		assertThat(DatabaseOutage.isCauseOf(new ProcessEngineException("ENGINE-03004 Exception while executing "
				+ "Database Operation", new PersistenceException("### Error querying database", POOL_TIMEOUT)))).isTrue();
		assertThat(DatabaseOutage.isCauseOf(new MyBatisSystemException("nested exception", new PersistenceException(LINK_FAILURE))))
			.isTrue();
	}

	@Test
	void leavesOtherDatabaseFailuresAlone() {
		assertThat(DatabaseOutage.isCauseOf(new DuplicateKeyException("uk_case_request",
				new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")))).isFalse();
		assertThat(DatabaseOutage.isCauseOf(new OptimisticLockingException("ENGINE-03005 entity was updated by "
				+ "another transaction concurrently"))).isFalse();
		assertThat(DatabaseOutage.isCauseOf(new ProcessEngineException("no processes deployed with key 'x'")))
			.isFalse();
	}

	@Test
	void answers503WithAMessageInChineseAndEnglish() throws Exception {
		ResponseEntity<ApiError> answer = this.handler.anyOther(
				new ProcessEngineException("ENGINE-03004", new PersistenceException(POOL_TIMEOUT)),
				new MockHttpServletRequest("POST", "/api/cases"));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(answer.getBody().error()).isEqualTo("DATABASE_UNAVAILABLE");
		assertThat(answer.getBody().message()).contains("数据库暂时无法连接").contains("The database cannot be reached");
	}

	@Test
	void answersAnyOtherFailureWith500InTheErrorBody() throws Exception {
		ProcessEngineException other = new ProcessEngineException("no processes deployed with key 'x'");

		ResponseEntity<ApiError> answer = this.handler.anyOther(other, new MockHttpServletRequest("POST", "/api/cases"));

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getBody().error()).isEqualTo("INTERNAL_ERROR");
		assertThat(answer.getBody().message()).doesNotContain("deployed");
	}

}

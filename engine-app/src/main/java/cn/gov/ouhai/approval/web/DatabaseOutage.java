package cn.gov.ouhai.approval.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, network gone, no
 * connection to be had from the pool) from any other. Such a failure is no bug of the caller's nor
 * ours: it answers 503 {@code DATABASE_UNAVAILABLE} and the client tries again later. Spring, MyBatis
 * and the engine each wrap it their own way, so the whole cause chain is read.
 */
public final class DatabaseOutage {

	public static final String CODE = "DATABASE_UNAVAILABLE";

	public static final String MESSAGE = "数据库暂时无法连接，请稍后重试；已提交的办件不受影响 / "
			+ "The database cannot be reached at the moment; please try again shortly. Nothing already answered is lost";

	/** SQL states of class 08: connection exceptions (SQL:2016, as MySQL and MariaDB report them). */
	private static final String CONNECTION_EXCEPTION_CLASS = "08";

	private static final int MAX_CAUSES = 20;

	private DatabaseOutage() {
	}

	/** Whether the database being out of reach is behind this failure. */
	public static boolean isCauseOf(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
			if (current instanceof DataAccessResourceFailureException
					|| current instanceof TransientDataAccessResourceException
					|| current instanceof CannotCreateTransactionException
					|| current instanceof SQLTransientConnectionException
					|| current instanceof SQLNonTransientConnectionException
					|| current instanceof SQLRecoverableException || current instanceof ConnectException) {
				return true;
			}
			if (current instanceof SQLException sql && sql.getSQLState() != null
					&& sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
				return true;
			}
			current = current.getCause() == current ? null : current.getCause();
		}
		return false;
	}

	/** The answer's body. */
	public static ApiError error() {
		return new ApiError(CODE, MESSAGE, Map.of());
	}

	/** A one-line description of the underlying failure, for a warning without a stack trace. */
	public static String describe(Throwable failure) {
		Throwable root = failure;
		for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < MAX_CAUSES; depth++) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}

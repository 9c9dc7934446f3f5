package cn.gov.ouhai.approval.tasks;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An index on the engine's open tasks by due date, which the task lists walk ({@link WorkableTaskMapper})
 * and the engine does not have. Created once the engine has created its tables (Flyway may run before
 * it on an empty database, so this is not a migration); a node that finds it there, or loses the race
 * to create it to another node, leaves it be.
 */
@Component
class TaskDueIndex {

	static final String NAME = "IX_APP_RU_TASK_DUE";

	private static final Logger log = LoggerFactory.getLogger(TaskDueIndex.class);

	private final DataSource dataSource;

	TaskDueIndex(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(-10)
	void ensure() {
		try (Connection connection = this.dataSource.getConnection()) {
			if (exists(connection.getMetaData())) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE INDEX " + NAME + " ON ACT_RU_TASK (DUE_DATE_)");
				log.info("created index {} on ACT_RU_TASK (DUE_DATE_) for the task lists", NAME);
			}
		}
		catch (SQLException failed) {
			log.warn("index {} on ACT_RU_TASK (DUE_DATE_) not created ({}): task lists work, more slowly", NAME,
					failed.getMessage());
		}
	}

	private static boolean exists(DatabaseMetaData meta) throws SQLException {
		for (String table : new String[] { "ACT_RU_TASK", "act_ru_task" }) {
			try (ResultSet indexes = meta.getIndexInfo(null, null, table, false, false)) {
				while (indexes.next()) {
					if (NAME.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
						return true;
					}
				}
			}
		}
		return false;
	}

}

package cn.gov.ouhai.approval;

import java.sql.Blob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every row of some tables as text, in a stable order: taken before and after an action that
 * failed, the two must be equal (nothing half-done).
 */
public final class TableSnapshot {

	private TableSnapshot() {
	}

	public static Map<String, List<String>> of(JdbcTemplate jdbc, List<String> tables) {
		Map<String, List<String>> snapshot = new LinkedHashMap<>();
		for (String table : tables) {
			List<String> rows = new ArrayList<>();
			for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
				StringBuilder line = new StringBuilder();
				row.forEach((column, value) -> line.append(column).append('=').append(text(value)).append(';'));
				rows.add(line.toString());
			}
			rows.sort(null);
			snapshot.put(table, rows);
		}
		return snapshot;
	}

	private static String text(Object value) {
		try {
			if (value instanceof byte[] bytes) {
				return Integer.toHexString(Arrays.hashCode(bytes));
			}
			if (value instanceof Blob blob) {
				return Integer.toHexString(Arrays.hashCode(blob.getBytes(1, (int) blob.length())));
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		return String.valueOf(value);
	}

}

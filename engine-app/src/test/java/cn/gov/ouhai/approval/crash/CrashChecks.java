package cn.gov.ouhai.approval.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the drill reads from the database itself, with the platform dead or alive: the cases and
 * processes of answered intakes, half-done cases, completed tasks, timer jobs, escalations and
 * incidents.
 */
final class CrashChecks implements AutoCloseable {

	/** The food licence's timed steps carry three boundary timers each: yellow, overdue, a day overdue. */
	static final Set<String> TIMED_STEPS = Set.of("Task_ReviewMaterials", "Task_DecideLicence");

	static final int TIMERS_PER_TIMED_STEP = 3;

	private final Connection db;

	CrashChecks(String jdbcUrl, String user, String password) throws SQLException {
		this.db = DriverManager.getConnection(jdbcUrl, user, password);
	}

	/** One case of the platform, with its process and where that process stands. */
	record CaseState(String caseNo, String requestId, String status, String processInstanceId, boolean processKnown,
			boolean processEnded, List<String> openSteps, int timers) {
	}

	/** Every case row and what the engine has of its process, by request id. */
	Map<String, List<CaseState>> casesByRequest() throws SQLException {
		Map<String, List<String>> openSteps = new HashMap<>();
		for (List<String> row : rows("SELECT PROC_INST_ID_, TASK_DEF_KEY_ FROM ACT_RU_TASK")) {
			openSteps.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row.get(1));
		}
		Map<String, Integer> timers = new HashMap<>();
		for (List<String> row : rows("SELECT PROCESS_INSTANCE_ID_, COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer'"
				+ " GROUP BY PROCESS_INSTANCE_ID_")) {
			timers.put(row.get(0), Integer.parseInt(row.get(1)));
		}
		Map<String, List<CaseState>> cases = new HashMap<>();
		for (List<String> row : rows("SELECT c.case_no, c.request_id, c.status, c.process_instance_id,"
				+ " p.ID_, p.END_TIME_ FROM service_case c LEFT JOIN ACT_HI_PROCINST p ON p.ID_ = c.process_instance_id")) {
			String pid = row.get(3);
			cases.computeIfAbsent(row.get(1), k -> new ArrayList<>())
				.add(new CaseState(row.get(0), row.get(1), row.get(2), pid, row.get(4) != null, row.get(5) != null,
						openSteps.getOrDefault(pid, List.of()), timers.getOrDefault(pid, 0)));
		}
		return cases;
	}

	/**
	 * Half-done cases: a case whose status says its process runs but which has none the engine knows,
	 * and the reverse, a process whose business key names no case.
	 */
	List<String> halfDone() throws SQLException {
		List<String> found = new ArrayList<>();
		for (List<String> row : rows("SELECT c.case_no, c.status FROM service_case c"
				+ " LEFT JOIN ACT_HI_PROCINST p ON p.ID_ = c.process_instance_id"
				+ " WHERE c.status IN ('ACCEPTED', 'ACCEPTED_WITH_DEFICIENCY', 'IN_PROGRESS', 'SUSPENDED', 'APPROVED')"
				+ " AND p.ID_ IS NULL")) {
			found.add("case " + row.get(0) + " (" + row.get(1) + ") without its process");
		}
		for (List<String> row : rows("SELECT p.ID_, p.BUSINESS_KEY_ FROM ACT_HI_PROCINST p"
				+ " LEFT JOIN service_case c ON c.case_no = p.BUSINESS_KEY_"
				+ " WHERE p.BUSINESS_KEY_ IS NOT NULL AND c.case_no IS NULL")) {
			found.add("process " + row.get(0) + " with business key " + row.get(1) + " but no case");
		}
		return found;
	}

	/** Of these task ids, those the engine does not have as done (still open, or never ended in history). */
	List<String> notDone(Set<String> taskIds) throws SQLException {
		Set<String> open = new HashSet<>();
		rows("SELECT ID_ FROM ACT_RU_TASK").forEach(r -> open.add(r.get(0)));
		Set<String> ended = new HashSet<>();
		rows("SELECT ID_ FROM ACT_HI_TASKINST WHERE END_TIME_ IS NOT NULL").forEach(r -> ended.add(r.get(0)));
		return taskIds.stream().filter(id -> open.contains(id) || !ended.contains(id)).sorted().toList();
	}

	/** Ids of the timer jobs of these processes. */
	Set<String> timerJobs(Set<String> processInstanceIds) throws SQLException {
		Set<String> jobs = new HashSet<>();
		for (List<String> row : rows("SELECT ID_, PROCESS_INSTANCE_ID_ FROM ACT_RU_JOB WHERE TYPE_ = 'timer'")) {
			if (processInstanceIds.contains(row.get(1))) {
				jobs.add(row.get(0));
			}
		}
		return jobs;
	}

	/** Of these jobs, how many are still in the job table. */
	int stillPending(Set<String> jobIds) throws SQLException {
		Set<String> pending = new HashSet<>();
		rows("SELECT ID_ FROM ACT_RU_JOB").forEach(r -> pending.add(r.get(0)));
		return (int) jobIds.stream().filter(pending::contains).count();
	}

	/** Escalations (the timers' effect) on the timelines of these cases. */
	int escalations(Set<String> caseNos) throws SQLException {
		int count = 0;
		for (List<String> row : rows("SELECT case_no FROM case_event WHERE kind = 'ESCALATION'")) {
			if (caseNos.contains(row.get(0))) {
				count++;
			}
		}
		return count;
	}

	/** Incidents, and jobs that ran out of retries: a timer that failed instead of firing. */
	List<String> incidents() throws SQLException {
		List<String> found = new ArrayList<>();
		rows("SELECT INCIDENT_TYPE_, ACTIVITY_ID_, INCIDENT_MSG_ FROM ACT_RU_INCIDENT")
			.forEach(r -> found.add("incident " + r));
		rows("SELECT ID_, EXCEPTION_MSG_ FROM ACT_RU_JOB WHERE RETRIES_ = 0").forEach(r -> found.add("failed job " + r));
		return found;
	}

	/** Request ids taken in more than once. */
	List<String> duplicateRequests() throws SQLException {
		return rows("SELECT request_id FROM service_case GROUP BY request_id HAVING COUNT(*) > 1").stream()
			.map(r -> r.get(0))
			.toList();
	}

	private List<List<String>> rows(String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (PreparedStatement query = this.db.prepareStatement(sql); ResultSet result = query.executeQuery()) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(result.getString(i));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	@Override
	public void close() throws SQLException {
		this.db.close();
	}

}

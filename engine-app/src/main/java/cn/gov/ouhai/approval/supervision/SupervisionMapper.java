package cn.gov.ouhai.approval.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.ResultMap;
import org.apache.ibatis.annotations.Results;
import org.apache.ibatis.annotations.Select;

/**
 * The supervisors' queries. They read the cases, clocks, catalog and reviews as they are stored;
 * the grouping column is picked from a fixed list, never built from the request.
 */
@Mapper
interface SupervisionMapper {

	String CASE_COLUMNS = """
			c.case_no, c.matter_code, m.name AS matter_name, m.department_code, d.name AS department_name,
			c.station_code, s.name AS station_name, c.status, c.applicant_type, c.applicant_name, c.process_instance_id,
			k.due_at, k.yellow_workdays, k.paused_since,
			CASE WHEN k.case_no IS NOT NULL AND k.finished_at IS NULL AND k.stopped_at IS NULL THEN 1 ELSE 0 END AS clock_running
			""";

	/**
	 * The case rows and the step rows are mapped by position ({@code CASE_COLUMNS}' order): MyBatis's
	 * mapping by argument name compares every column with every argument on every row, which cost more
	 * than the queries on a list of 200.
	 */
	String CASE_ROW = "caseRow";

	String STEP_ROW = "stepRow";

	String OPEN = "('ACCEPTED', 'ACCEPTED_WITH_DEFICIENCY', 'IN_PROGRESS', 'SUSPENDED', 'APPROVED')";

	/**
	 * Open cases whose clock is yellow or red now (a paused clock as it stood when it stopped). The
	 * plain {@code yellow_at <= now} is implied by the next line (a pause began in the past) and is
	 * there for the index {@code ix_case_clock_open}: without it MySQL read every case of every
	 * matter (11 s on a million cases instead of 30 ms). Ordered by the clock's own columns, so that
	 * only the page's cases are joined, not every late one (18 → 7 ms).
	 */
	@Select("<script>SELECT " + CASE_COLUMNS + """
			FROM case_clock k
			JOIN service_case c ON c.case_no = k.case_no
			JOIN matter m ON m.code = c.matter_code
			JOIN department d ON d.code = m.department_code
			JOIN station s ON s.code = c.station_code
			WHERE k.finished_at IS NULL AND k.stopped_at IS NULL
			  AND k.yellow_at &lt;= #{now}
			  AND k.yellow_at &lt;= COALESCE(k.paused_since, #{now})
			  AND c.status IN """ + OPEN + """
			  <if test="red"> AND k.due_at &lt;= COALESCE(k.paused_since, #{now})</if>
			  <if test="department != null"> AND m.department_code = #{department}</if>
			  <if test="station != null"> AND c.station_code = #{station}</if>
			ORDER BY k.due_at, k.case_no
			LIMIT #{limit}
			</script>""")
	@ConstructorArgs({ @Arg(column = "case_no", javaType = String.class),
			@Arg(column = "matter_code", javaType = String.class), @Arg(column = "matter_name", javaType = String.class),
			@Arg(column = "department_code", javaType = String.class),
			@Arg(column = "department_name", javaType = String.class), @Arg(column = "station_code", javaType = String.class),
			@Arg(column = "station_name", javaType = String.class), @Arg(column = "status", javaType = String.class),
			@Arg(column = "applicant_type", javaType = String.class),
			@Arg(column = "applicant_name", javaType = String.class),
			@Arg(column = "process_instance_id", javaType = String.class), @Arg(column = "due_at", javaType = Instant.class),
			@Arg(column = "yellow_workdays", javaType = Integer.class),
			@Arg(column = "paused_since", javaType = Instant.class),
			@Arg(column = "clock_running", javaType = Integer.class) })
	@Results(id = CASE_ROW)
	List<CaseRow> lateCases(@Param("now") Instant now, @Param("red") boolean redOnly,
			@Param("department") String department, @Param("station") String station, @Param("limit") int limit);

	@Select({ "<script>SELECT " + CASE_COLUMNS + """
			FROM service_case c
			JOIN matter m ON m.code = c.matter_code
			JOIN department d ON d.code = m.department_code
			JOIN station s ON s.code = c.station_code
			LEFT JOIN case_clock k ON k.case_no = c.case_no
			WHERE c.case_no IN
			""", "<foreach item='n' collection='caseNos' open='(' separator=',' close=')'>#{n}</foreach></script>" })
	@ResultMap(CASE_ROW)
	List<CaseRow> cases(@Param("caseNos") List<String> caseNos);

	/**
	 * Open steps due before {@code before}, in due order along the engine's task index
	 * ({@code IX_APP_RU_TASK_DUE}), with the case of their process's business key (the case number for
	 * a case's own process, its rectification and its urges), of a department and station when given.
	 * Read from the engine's tables: its task query cannot join the cases, so a filtered list paged
	 * through every department's steps.
	 */
	@Select({ "<script>SELECT t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.PROC_DEF_ID_, t.PROC_INST_ID_, t.ASSIGNEE_, t.DUE_DATE_, ",
			"c.case_no FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ ",
			"JOIN service_case c ON c.case_no = e.BUSINESS_KEY_ ",
			"<if test='department != null'>JOIN matter m ON m.code = c.matter_code AND m.department_code = #{department} </if>",
			"WHERE t.SUSPENSION_STATE_ = 1 AND t.DUE_DATE_ &lt; #{before} ",
			"<if test='station != null'>AND c.station_code = #{station} </if>",
			"ORDER BY t.DUE_DATE_, t.ID_ LIMIT #{limit} OFFSET #{offset}</script>" })
	@ConstructorArgs({ @Arg(column = "ID_", javaType = String.class), @Arg(column = "TASK_DEF_KEY_", javaType = String.class),
			@Arg(column = "NAME_", javaType = String.class), @Arg(column = "PROC_DEF_ID_", javaType = String.class),
			@Arg(column = "PROC_INST_ID_", javaType = String.class), @Arg(column = "ASSIGNEE_", javaType = String.class),
			@Arg(column = "DUE_DATE_", javaType = Instant.class), @Arg(column = "case_no", javaType = String.class) })
	@Results(id = STEP_ROW)
	List<StepRow> dueSteps(@Param("before") Instant before, @Param("department") String department,
			@Param("station") String station, @Param("offset") int offset, @Param("limit") int limit);

	/**
	 * Red and yellow cases per department, all of them (the list stops at its page): the same
	 * conditions as {@link #lateCases}, read from {@code ix_case_clock_open} alone but for the
	 * case's status and matter.
	 */
	@Select("""
			SELECT m.department_code AS department, d.name AS department_name,
			  SUM(CASE WHEN k.due_at <= COALESCE(k.paused_since, #{now}) THEN 1 ELSE 0 END) AS red,
			  SUM(CASE WHEN k.due_at <= COALESCE(k.paused_since, #{now}) THEN 0 ELSE 1 END) AS yellow
			FROM case_clock k
			JOIN service_case c ON c.case_no = k.case_no
			JOIN matter m ON m.code = c.matter_code
			JOIN department d ON d.code = m.department_code
			WHERE k.finished_at IS NULL AND k.stopped_at IS NULL
			  AND k.yellow_at <= #{now}
			  AND k.yellow_at <= COALESCE(k.paused_since, #{now})
			  AND c.status IN """ + OPEN + """
			GROUP BY m.department_code, d.name
			""")
	List<LateCount> lateCaseCounts(@Param("now") Instant now);

	/**
	 * Every open step of a case due before {@code before}, with what its light needs (its step's own
	 * yellow threshold lives in its diagram), its case and department, and the light of its case's
	 * own clock as {@link #lateCaseCounts} counts it ({@code RED}, {@code YELLOW}, or null when that
	 * clock is not counted), so that a case late by a step is counted once.
	 */
	@Select({ "SELECT t.PROC_DEF_ID_, t.TASK_DEF_KEY_, t.DUE_DATE_, k.paused_since, m.department_code, d.name, ",
			"c.case_no, CASE WHEN k.case_no IS NULL OR k.finished_at IS NOT NULL OR k.stopped_at IS NOT NULL ",
			"OR c.status NOT IN " + OPEN + " OR k.yellow_at > #{now} OR k.yellow_at > COALESCE(k.paused_since, #{now}) ",
			"THEN NULL WHEN k.due_at <= COALESCE(k.paused_since, #{now}) THEN 'RED' ELSE 'YELLOW' END AS clock_light ",
			"FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ ",
			"JOIN service_case c ON c.case_no = e.BUSINESS_KEY_ JOIN matter m ON m.code = c.matter_code ",
			"JOIN department d ON d.code = m.department_code LEFT JOIN case_clock k ON k.case_no = c.case_no ",
			"WHERE t.SUSPENSION_STATE_ = 1 AND t.DUE_DATE_ < #{before}" })
	@ConstructorArgs({ @Arg(column = "PROC_DEF_ID_", javaType = String.class),
			@Arg(column = "TASK_DEF_KEY_", javaType = String.class), @Arg(column = "DUE_DATE_", javaType = Instant.class),
			@Arg(column = "paused_since", javaType = Instant.class), @Arg(column = "department_code", javaType = String.class),
			@Arg(column = "name", javaType = String.class), @Arg(column = "case_no", javaType = String.class),
			@Arg(column = "clock_light", javaType = String.class) })
	List<DueStep> dueStepsOfAll(@Param("before") Instant before, @Param("now") Instant now);

	/**
	 * The cases in hand (在办), the overdue rate's whole: open cases, and cases otherwise closed whose
	 * bad review's rectification or an urge still runs (the only work a closed case can still have
	 * open, and so the only way one can be red). Counted in the database: the open cases along
	 * {@code ix_case_status}, the rest along the reviews' and urges' state indexes.
	 */
	@Select("""
			SELECT (SELECT COUNT(*) FROM service_case c WHERE c.status IN """ + OPEN + """
			) + (SELECT COUNT(*) FROM (
			       SELECT r.case_no FROM case_review r WHERE r.bad = TRUE
			         AND r.state IN ('CONTACTING', 'APPEALED', 'RECTIFYING', 'AWAITING_RATING')
			       UNION SELECT u.case_no FROM case_urge u WHERE u.state IN ('OPEN', 'OVERDUE')) x
			     JOIN service_case c ON c.case_no = x.case_no
			     WHERE c.status NOT IN """ + OPEN + """
			) AS in_hand
			""")
	long casesInHand();

	/**
	 * The open steps of every process whose business key is one of these case numbers (the case's
	 * own, its rectification, its urges), along the engine's business-key index.
	 */
	@Select({ "<script>SELECT t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.PROC_DEF_ID_, t.PROC_INST_ID_, t.ASSIGNEE_, t.DUE_DATE_, ",
			"e.BUSINESS_KEY_ AS case_no FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ ",
			"WHERE t.SUSPENSION_STATE_ = 1 AND e.BUSINESS_KEY_ IN ",
			"<foreach item='n' collection='caseNos' open='(' separator=',' close=')'>#{n}</foreach></script>" })
	@ResultMap(STEP_ROW)
	List<StepRow> openStepsOfCases(@Param("caseNos") List<String> caseNos);

	/** How many urges each of these cases has had, and how many still wait for their answer. */
	@Select({ "<script>SELECT u.case_no, COUNT(*) AS urges, ",
			"SUM(CASE WHEN u.state IN ('OPEN', 'OVERDUE') THEN 1 ELSE 0 END) AS waiting FROM case_urge u WHERE u.case_no IN ",
			"<foreach item='n' collection='caseNos' open='(' separator=',' close=')'>#{n}</foreach> GROUP BY u.case_no</script>" })
	List<UrgeCount> urgeCounts(@Param("caseNos") List<String> caseNos);

	/** The open steps of these processes (the late cases' current steps). */
	@Select({ "<script>SELECT t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.PROC_DEF_ID_, t.PROC_INST_ID_, t.ASSIGNEE_, t.DUE_DATE_, ",
			"NULL AS case_no FROM ACT_RU_TASK t WHERE t.SUSPENSION_STATE_ = 1 AND t.PROC_INST_ID_ IN ",
			"<foreach item='p' collection='ids' open='(' separator=',' close=')'>#{p}</foreach></script>" })
	@ResultMap(STEP_ROW)
	List<StepRow> stepsOfProcesses(@Param("ids") List<String> processInstanceIds);

	String KEY = """
			<choose>
			  <when test="by == 'department'">m.department_code</when>
			  <when test="by == 'station'">c.station_code</when>
			  <when test="by == 'channel'">c.channel</when>
			  <when test="by == 'matter'">c.matter_code</when>
			  <when test="by == 'staff'">c.accepted_by</when>
			  <otherwise>'ALL'</otherwise>
			</choose>
			""";

	/** The same groups over a review's copies of its case's cells. */
	String REVIEW_KEY = """
			<choose>
			  <when test="by == 'department'">r.department_code</when>
			  <when test="by == 'station'">r.station_code</when>
			  <when test="by == 'channel'">c.channel</when>
			  <when test="by == 'matter'">r.matter_code</when>
			  <when test="by == 'staff'">r.staff</when>
			  <otherwise>'ALL'</otherwise>
			</choose>
			""";

	/** The same groups over the daily summary's columns. */
	String CELL_KEY = """
			<choose>
			  <when test="by == 'department'">f.department_code</when>
			  <when test="by == 'station'">f.station_code</when>
			  <when test="by == 'channel'">f.channel</when>
			  <when test="by == 'matter'">f.matter_code</when>
			  <when test="by == 'staff'">f.accepted_by</when>
			  <otherwise>'ALL'</otherwise>
			</choose>
			""";

	/**
	 * The cases received on the days from {@code from} to {@code to}, from the daily summary
	 * ({@link CaseDayFigures}); {@code overdue} there counts the decided ones only, the open ones
	 * running late are {@link #openOverdue}.
	 */
	@Select("<script>SELECT " + CELL_KEY + """
			AS group_key, SUM(f.cases) AS cases, SUM(f.online) AS online, SUM(f.kiosk) AS kiosk,
			  SUM(f.near_home_eligible) AS near_home_eligible, SUM(f.near_home) AS near_home, SUM(f.timed) AS timed,
			  SUM(f.decided) AS decided, SUM(f.on_time) AS on_time, SUM(f.overdue_decided) AS overdue,
			  SUM(f.used_workdays) AS used_workdays, SUM(f.promised_workdays) AS promised_workdays
			FROM case_day_figures f
			WHERE f.received_day &gt;= #{from} AND f.received_day &lt;= #{to}
			<if test="by != null">GROUP BY """ + CELL_KEY + "</if></script>")
	List<CaseFigures> caseFigures(@Param("by") String by, @Param("from") LocalDate from, @Param("to") LocalDate to);

	/**
	 * Open cases received in [from, to) past their due date now (a paused clock as it stood when it
	 * stopped): the figure that changes with time alone, counted live from the late clocks (index
	 * {@code ix_case_clock_open}, as {@link #lateCases}). A clock starts when its case is received:
	 * bounding its start too leaves the late cases of other periods unjoined (97 → 33 ms on a million).
	 */
	@Select("<script>SELECT " + KEY + """
			AS group_key, COUNT(*) AS overdue
			FROM case_clock k
			JOIN service_case c ON c.case_no = k.case_no
			JOIN matter m ON m.code = c.matter_code
			WHERE k.finished_at IS NULL AND k.stopped_at IS NULL
			  AND k.yellow_at &lt;= #{now}
			  AND k.due_at &lt;= COALESCE(k.paused_since, #{now})
			  AND c.status NOT IN ('WITHDRAWN', 'NOTICE_ISSUED', 'REFUSED')
			  AND k.started_at &gt;= #{from} AND k.started_at &lt; #{to}
			  AND c.received_at &gt;= #{from} AND c.received_at &lt; #{to}
			<if test="by != null">GROUP BY """ + KEY + "</if></script>")
	List<OpenOverdue> openOverdue(@Param("by") String by, @Param("from") Instant from, @Param("to") Instant to,
			@Param("now") Instant now);

	/**
	 * Reviews of the cases received in the period; voided ones (申诉成立) count only as voided. A review
	 * keeps its case's department, matter, station, clerk and day of receipt, so only the grouping by
	 * channel (the case's) reads the cases (87 → 6 ms for a month of a million cases).
	 */
	@Select("<script>SELECT " + REVIEW_KEY + """
			AS group_key,
			  SUM(CASE WHEN r.state &lt;&gt; 'VOIDED' THEN 1 ELSE 0 END) AS reviews,
			  SUM(CASE WHEN r.bad = TRUE AND r.state &lt;&gt; 'VOIDED' THEN 1 ELSE 0 END) AS bad_reviews,
			  SUM(CASE WHEN r.state = 'VOIDED' THEN 1 ELSE 0 END) AS voided,
			  SUM(CASE WHEN r.state = 'RECTIFIED' THEN 1 ELSE 0 END) AS rectified,
			  SUM(CASE WHEN r.state IN ('CONTACTING', 'APPEALED', 'RECTIFYING', 'AWAITING_RATING') THEN 1 ELSE 0 END) AS rectifying
			FROM case_review r
			<if test="by == 'channel'">JOIN service_case c ON c.case_no = r.case_no</if>
			WHERE r.case_received_at &gt;= #{from} AND r.case_received_at &lt; #{to}
			<if test="by != null">GROUP BY\s""" + REVIEW_KEY + "</if></script>")
	List<ReviewFigures> reviewFigures(@Param("by") String by, @Param("from") Instant from, @Param("to") Instant to);

	/**
	 * The catalog's livelihood matters (民生事项) and those a township centre can take in. A one-thing
	 * bundle (一件事, kind BUNDLE) is not a matter of its own here: its matters are counted.
	 */
	@Select("""
			SELECT COUNT(*) AS livelihood,
			  SUM(CASE WHEN EXISTS (SELECT 1 FROM matter_station ms JOIN station s ON s.code = ms.station_code
			                        WHERE ms.matter_code = m.code AND s.level = 'TOWNSHIP') THEN 1 ELSE 0 END) AS near_home
			FROM matter m WHERE m.livelihood = TRUE AND m.kind <> 'BUNDLE'
			""")
	LivelihoodFigures livelihood();

	@Select("""
			SELECT COUNT(*) AS townships,
			  SUM(CASE WHEN EXISTS (SELECT 1 FROM matter_station ms WHERE ms.station_code = s.code) THEN 1 ELSE 0 END) AS covered
			FROM station s WHERE s.level = 'TOWNSHIP'
			""")
	TownshipFigures townships();

	@Select("SELECT figure, label, target, direction, source FROM supervision_target ORDER BY figure")
	List<Target> targets();

	/** The groups offered these tasks, in one query (the engine's API asks task by task). */
	@Select({ "<script>SELECT i.TASK_ID_ AS task_id, i.GROUP_ID_ AS group_id, g.NAME_ AS group_name ",
			"FROM ACT_RU_IDENTITYLINK i LEFT JOIN ACT_ID_GROUP g ON g.ID_ = i.GROUP_ID_ ",
			"WHERE i.TYPE_ = 'candidate' AND i.GROUP_ID_ IS NOT NULL AND i.TASK_ID_ IN ",
			"<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>" })
	List<CandidateGroup> candidateGroups(@Param("ids") List<String> taskIds);

	/** A group offered a task, with its name (the department's, e.g. 温州市公安局瓯海区分局审批人员). */
	record CandidateGroup(String taskId, String groupId, String groupName) {
	}

	record UrgeCount(String caseNo, Long urges, Long waiting) {
	}

	record LateCount(String department, String departmentName, Long red, Long yellow) {
	}

	/** An open step as its light and its department's count need it. */
	record DueStep(String processDefinitionId, String stepId, Instant due, Instant pausedSince, String department,
			String departmentName, String caseNo, String clockLight) {
	}

	/** An open step; {@code caseNo} is its process's business key where the query reads it. */
	record StepRow(String taskId, String stepId, String step, String processDefinitionId, String processInstanceId,
			String assignee, Instant due, String caseNo) {
	}

	record CaseRow(String caseNo, String matterCode, String matterName, String departmentCode, String departmentName,
			String stationCode, String stationName, String status, String applicantType, String applicantName,
			String processInstanceId, Instant dueAt, Integer yellowWorkdays, Instant pausedSince, Integer clockRunning) {

		/** Whether the case's own clock runs (or stands paused): a finished or stopped clock has no light. */
		boolean timed() {
			return this.clockRunning != null && this.clockRunning == 1 && this.dueAt != null;
		}
	}

	record CaseFigures(String groupKey, Long cases, Long online, Long kiosk, Long nearHomeEligible, Long nearHome,
			Long timed, Long decided, Long onTime, Long overdue, Long usedWorkdays, Long promisedWorkdays) {

		CaseFigures plus(CaseFigures other) {
			return new CaseFigures("ALL", sum(this.cases, other.cases), sum(this.online, other.online),
					sum(this.kiosk, other.kiosk), sum(this.nearHomeEligible, other.nearHomeEligible),
					sum(this.nearHome, other.nearHome), sum(this.timed, other.timed), sum(this.decided, other.decided),
					sum(this.onTime, other.onTime), sum(this.overdue, other.overdue),
					sum(this.usedWorkdays, other.usedWorkdays), sum(this.promisedWorkdays, other.promisedWorkdays));
		}

		CaseFigures withOverdue(long value) {
			return new CaseFigures(this.groupKey, this.cases, this.online, this.kiosk, this.nearHomeEligible,
					this.nearHome, this.timed, this.decided, this.onTime, value, this.usedWorkdays, this.promisedWorkdays);
		}
	}

	record OpenOverdue(String groupKey, Long overdue) {
	}

	record ReviewFigures(String groupKey, Long reviews, Long badReviews, Long voided, Long rectified, Long rectifying) {

		ReviewFigures plus(ReviewFigures other) {
			return new ReviewFigures("ALL", sum(this.reviews, other.reviews), sum(this.badReviews, other.badReviews),
					sum(this.voided, other.voided), sum(this.rectified, other.rectified),
					sum(this.rectifying, other.rectifying));
		}
	}

	private static Long sum(Long a, Long b) {
		return (a == null ? 0 : a) + (b == null ? 0 : b);
	}

	record LivelihoodFigures(Long livelihood, Long nearHome) {
	}

	record TownshipFigures(Long townships, Long covered) {
	}

	record Target(String figure, String label, BigDecimal target, String direction, String source) {
	}

}

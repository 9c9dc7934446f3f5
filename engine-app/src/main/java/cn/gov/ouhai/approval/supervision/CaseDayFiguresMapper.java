package cn.gov.ouhai.approval.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The statistics' daily summary (table {@code case_day_figures}): what the cases received on a day
 * count for, per department, matter, station, channel and clerk. One query ({@link #FIGURES}) says
 * what a case counts for; it fills a cell when a case changes and whole days when the summary is
 * rebuilt, so the two cannot disagree.
 */
@Mapper
interface CaseDayFiguresMapper {

	String CELL = "m.department_code, c.matter_code, c.station_code, c.channel, c.accepted_by";

	/**
	 * The figures of the cases received in [from, to), by cell. Withdrawn cases count as cases but not
	 * in the timing figures; a case overdue only because it is still open and past its due date is not
	 * counted here (it stops being so when decided) but live, by {@link SupervisionMapper#openOverdue}.
	 */
	String FIGURES = CELL + """
			,
			  COUNT(*) AS cases,
			  SUM(CASE WHEN c.channel IN ('PC', 'MOBILE') THEN 1 ELSE 0 END) AS online,
			  SUM(CASE WHEN c.channel = 'KIOSK' THEN 1 ELSE 0 END) AS kiosk,
			  SUM(CASE WHEN tm.matter_code IS NOT NULL THEN 1 ELSE 0 END) AS near_home_eligible,
			  SUM(CASE WHEN tm.matter_code IS NOT NULL AND st.level = 'TOWNSHIP' THEN 1 ELSE 0 END) AS near_home,
			  SUM(CASE WHEN k.case_no IS NOT NULL AND c.status &lt;&gt; 'WITHDRAWN' THEN 1 ELSE 0 END) AS timed,
			  SUM(CASE WHEN c.status &lt;&gt; 'WITHDRAWN' AND COALESCE(k.stopped_at, k.finished_at) IS NOT NULL THEN 1 ELSE 0 END) AS decided,
			  SUM(CASE WHEN c.status &lt;&gt; 'WITHDRAWN' AND COALESCE(k.stopped_at, k.finished_at) &lt; k.due_at THEN 1 ELSE 0 END) AS on_time,
			  SUM(CASE WHEN c.status &lt;&gt; 'WITHDRAWN' AND COALESCE(k.stopped_at, k.finished_at) &gt;= k.due_at THEN 1 ELSE 0 END) AS overdue_decided,
			  SUM(CASE WHEN c.status &lt;&gt; 'WITHDRAWN' AND COALESCE(k.stopped_at, k.finished_at) IS NOT NULL
			       THEN COALESCE(k.used_workdays, 0) ELSE 0 END) AS used_workdays,
			  SUM(CASE WHEN c.status &lt;&gt; 'WITHDRAWN' AND COALESCE(k.stopped_at, k.finished_at) IS NOT NULL
			       THEN k.limit_workdays ELSE 0 END) AS promised_workdays
			FROM service_case c
			JOIN matter m ON m.code = c.matter_code
			JOIN station st ON st.code = c.station_code
			LEFT JOIN case_clock k ON k.case_no = c.case_no
			LEFT JOIN (SELECT ms.matter_code FROM matter_station ms JOIN station s2 ON s2.code = ms.station_code
			           WHERE s2.level = 'TOWNSHIP' GROUP BY ms.matter_code) tm ON tm.matter_code = c.matter_code
			WHERE c.received_at &gt;= #{from} AND c.received_at &lt; #{to}
			  AND c.status NOT IN ('NOTICE_ISSUED', 'REFUSED')
			""";

	String COLUMNS = """
			received_day, department_code, matter_code, station_code, channel, accepted_by, cases, online, kiosk,
			near_home_eligible, near_home, timed, decided, on_time, overdue_decided, used_workdays, promised_workdays
			""";

	String IS_CELL = """
			received_day = #{day} AND department_code = #{cell.departmentCode} AND matter_code = #{cell.matterCode}
			AND station_code = #{cell.stationCode} AND channel = #{cell.channel} AND accepted_by = #{cell.acceptedBy}
			""";

	/** The cell a case is counted in. */
	@Select("""
			SELECT m.department_code, c.matter_code, c.station_code, c.channel, c.accepted_by, c.received_at
			FROM service_case c JOIN matter m ON m.code = c.matter_code WHERE c.case_no = #{caseNo}
			""")
	Cell cellOf(@Param("caseNo") String caseNo);

	/** Locks a cell's row until the transaction ends; 0 when there is none yet. */
	@Update("UPDATE case_day_figures SET cases = cases WHERE " + IS_CELL)
	int lock(@Param("day") LocalDate day, @Param("cell") Cell cell);

	@Insert("INSERT INTO case_day_figures (" + COLUMNS + ") VALUES (#{day}, #{cell.departmentCode}, #{cell.matterCode}, "
			+ "#{cell.stationCode}, #{cell.channel}, #{cell.acceptedBy}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)")
	void insertEmpty(@Param("day") LocalDate day, @Param("cell") Cell cell);

	@Select("<script>SELECT " + FIGURES + """
			  AND m.department_code = #{cell.departmentCode} AND c.matter_code = #{cell.matterCode}
			  AND c.station_code = #{cell.stationCode} AND c.channel = #{cell.channel} AND c.accepted_by = #{cell.acceptedBy}
			GROUP BY\s""" + CELL + "</script>")
	DayFigures count(@Param("from") Instant from, @Param("to") Instant to, @Param("cell") Cell cell);

	@Update("""
			UPDATE case_day_figures SET cases = #{f.cases}, online = #{f.online}, kiosk = #{f.kiosk},
			  near_home_eligible = #{f.nearHomeEligible}, near_home = #{f.nearHome}, timed = #{f.timed},
			  decided = #{f.decided}, on_time = #{f.onTime}, overdue_decided = #{f.overdueDecided},
			  used_workdays = #{f.usedWorkdays}, promised_workdays = #{f.promisedWorkdays}
			WHERE\s""" + IS_CELL)
	void set(@Param("day") LocalDate day, @Param("cell") Cell cell, @Param("f") DayFigures figures);

	@Delete("DELETE FROM case_day_figures WHERE " + IS_CELL)
	void delete(@Param("day") LocalDate day, @Param("cell") Cell cell);

	/** Rebuilds a whole day. */
	@Insert("<script>INSERT INTO case_day_figures (" + COLUMNS + ") SELECT #{day}, " + FIGURES + " GROUP BY " + CELL
			+ "</script>")
	int insertDay(@Param("day") LocalDate day, @Param("from") Instant from, @Param("to") Instant to);

	@Delete("DELETE FROM case_day_figures WHERE received_day = #{day}")
	int deleteDay(@Param("day") LocalDate day);

	/** Whether the summary has a row (not a count: InnoDB would read them all at every start). */
	@Select("SELECT COUNT(*) > 0 FROM (SELECT 1 FROM case_day_figures LIMIT 1) f")
	boolean any();

	@Select("SELECT MIN(received_at) AS first, MAX(received_at) AS last FROM service_case")
	Span received();

	record Cell(String departmentCode, String matterCode, String stationCode, String channel, String acceptedBy,
			Instant receivedAt) {
	}

	record DayFigures(String departmentCode, String matterCode, String stationCode, String channel, String acceptedBy,
			long cases, long online, long kiosk, long nearHomeEligible, long nearHome, long timed, long decided,
			long onTime, long overdueDecided, long usedWorkdays, long promisedWorkdays) {
	}

	record Span(Instant first, Instant last) {
	}

}

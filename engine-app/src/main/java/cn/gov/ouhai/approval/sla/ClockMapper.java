package cn.gov.ouhai.approval.sla;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ClockMapper {

	String COLUMNS = "case_no, process_instance_id, started_at, limit_workdays, due_at, yellow_workdays, yellow_at, pause_depth, "
			+ "paused_since, pause_kind, paused_workdays, stopped_at";

	@Insert("INSERT INTO case_clock (" + COLUMNS + ") VALUES (#{caseNo}, #{processInstanceId}, #{startedAt}, "
			+ "#{limitWorkdays}, #{dueAt}, #{yellowWorkdays}, #{yellowAt}, 0, NULL, NULL, 0, NULL)")
	void insert(ClockRecord clock);

	@Select("SELECT " + COLUMNS + " FROM case_clock WHERE case_no = #{caseNo}")
	ClockRecord find(@Param("caseNo") String caseNo);

	/** Locks the clock row for a pause or resume, so concurrent ones count once. */
	@Select("SELECT " + COLUMNS + " FROM case_clock WHERE case_no = #{caseNo} FOR UPDATE")
	ClockRecord lock(@Param("caseNo") String caseNo);

	/** Of these cases, the clocks that stand still (few: the list's cases are read, not mapped, otherwise). */
	@Select({ "<script>SELECT case_no, paused_since FROM case_clock WHERE pause_depth &gt; 0 AND case_no IN ",
			"<foreach item='c' collection='caseNos' open='(' separator=',' close=')'>#{c}</foreach></script>" })
	List<Paused> pausedAmong(@Param("caseNos") List<String> caseNos);

	record Paused(String caseNo, Instant pausedSince) {
	}

	@Update("UPDATE case_clock SET process_instance_id = #{pid} WHERE case_no = #{caseNo}")
	void linkProcess(@Param("caseNo") String caseNo, @Param("pid") String processInstanceId);

	@Update("UPDATE case_clock SET pause_depth = #{depth}, paused_since = #{since}, pause_kind = #{kind} "
			+ "WHERE case_no = #{caseNo}")
	void paused(@Param("caseNo") String caseNo, @Param("depth") int depth, @Param("since") Instant since,
			@Param("kind") PauseKind kind);

	@Update("UPDATE case_clock SET pause_depth = 0, paused_since = NULL, pause_kind = NULL, due_at = #{due}, "
			+ "yellow_at = #{yellowAt}, paused_workdays = paused_workdays + #{workdays} WHERE case_no = #{caseNo}")
	void resumed(@Param("caseNo") String caseNo, @Param("due") Instant due, @Param("yellowAt") Instant yellowAt,
			@Param("workdays") int workdays);

	@Update("UPDATE case_clock SET stopped_at = #{at} WHERE case_no = #{caseNo} AND stopped_at IS NULL")
	void stop(@Param("caseNo") String caseNo, @Param("at") Instant at);

	@Update("UPDATE case_clock SET finished_at = #{at}, used_workdays = #{used} WHERE case_no = #{caseNo}")
	void finished(@Param("caseNo") String caseNo, @Param("at") Instant at, @Param("used") int usedWorkdays);

	@Update("UPDATE case_clock SET used_workdays = #{used} WHERE case_no = #{caseNo}")
	void used(@Param("caseNo") String caseNo, @Param("used") int usedWorkdays);

	@Insert("INSERT INTO case_pause (case_no, kind, started_at) VALUES (#{caseNo}, #{kind}, #{at})")
	void insertPause(@Param("caseNo") String caseNo, @Param("kind") PauseKind kind, @Param("at") Instant at);

	@Update("UPDATE case_pause SET ended_at = #{at}, workdays = #{workdays} WHERE case_no = #{caseNo} AND ended_at IS NULL")
	void endPauses(@Param("caseNo") String caseNo, @Param("at") Instant at, @Param("workdays") int workdays);

	@Insert("INSERT INTO notification (case_no, addressee, kind, message, created_at) "
			+ "VALUES (#{n.caseNo}, #{n.addressee}, #{n.kind}, #{n.message}, #{n.createdAt})")
	void insertNotification(@Param("n") Notification notification);

	@Select("SELECT case_no, addressee, kind, message, created_at FROM notification WHERE case_no = #{caseNo} ORDER BY id")
	List<Notification> notifications(@Param("caseNo") String caseNo);

}

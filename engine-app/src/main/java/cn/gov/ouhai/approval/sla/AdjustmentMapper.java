package cn.gov.ouhai.approval.sla;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** What {@link ProvisionalYearAdjustment} reads and writes: its progress, and the deadlines it moves. */
@Mapper
interface AdjustmentMapper {

	@Insert("INSERT INTO calendar_adjustment (year_no, started_at, phase, last_key, cases_moved, steps_moved, timers_moved) "
			+ "VALUES (#{year}, #{at}, 'CASES', NULL, 0, 0, 0)")
	void begin(@Param("year") int year, @Param("at") Instant at);

	@Select("SELECT year_no, started_at, phase, last_key, cases_moved, steps_moved, timers_moved, finished_at "
			+ "FROM calendar_adjustment WHERE year_no = #{year}")
	Progress progress(@Param("year") int year);

	@Select("SELECT year_no FROM calendar_adjustment WHERE finished_at IS NULL ORDER BY year_no")
	List<Integer> unfinished();

	@Update("UPDATE calendar_adjustment SET phase = #{p.phase}, last_key = #{p.lastKey}, cases_moved = #{p.casesMoved}, "
			+ "steps_moved = #{p.stepsMoved}, timers_moved = #{p.timersMoved}, finished_at = #{p.finishedAt} "
			+ "WHERE year_no = #{p.yearNo}")
	void save(@Param("p") Progress progress);

	@Update("DELETE FROM calendar_adjustment WHERE year_no = #{year}")
	void forget(@Param("year") int year);

	/** Open clocks due after {@code after}, by case number from {@code lastKey}. */
	@Select("SELECT case_no FROM case_clock WHERE finished_at IS NULL AND due_at > #{after} AND case_no > #{last} "
			+ "ORDER BY case_no LIMIT #{limit}")
	List<String> clocksDueAfter(@Param("after") Instant after, @Param("last") String lastKey, @Param("limit") int limit);

	@Select("SELECT started_at, ended_at, workdays FROM case_pause WHERE case_no = #{caseNo} AND ended_at IS NOT NULL "
			+ "ORDER BY started_at, id")
	List<EndedPause> endedPauses(@Param("caseNo") String caseNo);

	@Update("UPDATE case_pause SET workdays = #{workdays} WHERE case_no = #{caseNo} AND started_at = #{startedAt}")
	void pauseWorkdays(@Param("caseNo") String caseNo, @Param("startedAt") Instant startedAt,
			@Param("workdays") int workdays);

	@Update("UPDATE case_clock SET due_at = #{due}, yellow_at = #{yellowAt}, paused_workdays = #{paused} "
			+ "WHERE case_no = #{caseNo}")
	void recounted(@Param("caseNo") String caseNo, @Param("due") Instant due, @Param("yellowAt") Instant yellowAt,
			@Param("paused") int pausedWorkdays);

	/** Open steps due after {@code after} that were created before {@code before}, by id from {@code lastKey}. */
	@Select("SELECT t.ID_ AS id, t.DUE_DATE_ AS due, t.CREATE_TIME_ AS created, t.TASK_DEF_KEY_ AS step_id, "
			+ "t.NAME_ AS step_name, p.BUSINESS_KEY_ AS case_no FROM ACT_RU_TASK t "
			+ "LEFT JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_ "
			+ "WHERE t.DUE_DATE_ > #{after} AND t.CREATE_TIME_ < #{before} AND t.ID_ > #{last} ORDER BY t.ID_ LIMIT #{limit}")
	List<Deadline> stepsDueAfter(@Param("after") Instant after, @Param("before") Instant before,
			@Param("last") String lastKey, @Param("limit") int limit);

	/** Timers due after {@code after} that were created before {@code before}, by id from {@code lastKey}. */
	@Select("SELECT ID_ AS id, DUEDATE_ AS due, CREATE_TIME_ AS created FROM ACT_RU_JOB "
			+ "WHERE TYPE_ = 'timer' AND DUEDATE_ > #{after} "
			+ "AND CREATE_TIME_ < #{before} AND ID_ > #{last} ORDER BY ID_ LIMIT #{limit}")
	List<Timer> timersDueAfter(@Param("after") Instant after, @Param("before") Instant before,
			@Param("last") String lastKey, @Param("limit") int limit);

	record Progress(int yearNo, Instant startedAt, String phase, String lastKey, int casesMoved, int stepsMoved,
			int timersMoved, Instant finishedAt) {
	}

	record Timer(String id, Instant due, Instant created) {
	}

	record EndedPause(Instant startedAt, Instant endedAt, Integer workdays) {
	}

	/** A step's or timer's deadline; a step also names its case (the business key of its process). */
	record Deadline(String id, Instant due, Instant created, String stepId, String stepName, String caseNo) {
	}

}

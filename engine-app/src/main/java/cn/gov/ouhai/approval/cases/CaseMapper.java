package cn.gov.ouhai.approval.cases;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CaseMapper {

	String COLUMNS = "case_no, request_id, matter_code, status, applicant_type, applicant_name, applicant_id_number, "
			+ "applicant_phone, channel, station_code, priority, commitment, process_instance_id, received_at, "
			+ "accepted_by, completed_at, refusal_reason, handling, refers_to";

	/** The cases {@code GET /api/cases} selects (one fragment for the page and its count). */
	String FILTERED = """
			FROM service_case c JOIN matter m ON m.code = c.matter_code
			LEFT JOIN case_clock k ON k.case_no = c.case_no
			<where>
			  <if test="f.status != null"> c.status = #{f.status}</if>
			  <if test="f.station != null"> AND c.station_code = #{f.station}</if>
			  <if test="f.from != null"> AND c.received_at &gt;= #{f.from}</if>
			  <if test="f.to != null"> AND c.received_at &lt; #{f.to}</if>
			  <if test="f.departments != null">
			    AND m.department_code IN
			    <foreach item="d" collection="f.departments" open="(" separator="," close=")">#{d}</foreach>
			  </if>
			  <if test="f.light != null">
			    AND c.status IN ('ACCEPTED', 'ACCEPTED_WITH_DEFICIENCY', 'IN_PROGRESS', 'SUSPENDED', 'APPROVED')
			    <if test="f.light.name() == 'RED'"> AND k.due_at &lt;= COALESCE(k.stopped_at, k.paused_since, #{f.now})</if>
			    <if test="f.light.name() == 'YELLOW'">
			      AND k.yellow_at &lt;= COALESCE(k.stopped_at, k.paused_since, #{f.now}) AND k.due_at &gt; COALESCE(k.stopped_at, k.paused_since, #{f.now})
			    </if>
			    <if test="f.light.name() == 'GREEN'"> AND k.yellow_at &gt; COALESCE(k.stopped_at, k.paused_since, #{f.now})</if>
			  </if>
			</where>
			""";

	@Insert("INSERT INTO service_case (" + COLUMNS + ") VALUES (#{caseNo}, #{requestId}, #{matterCode}, #{status}, "
			+ "#{applicantType}, #{applicantName}, #{applicantIdNumber}, #{applicantPhone}, #{channel}, #{stationCode}, "
			+ "#{priority}, #{commitment}, #{processInstanceId}, #{receivedAt}, #{acceptedBy}, #{completedAt}, "
			+ "#{refusalReason}, #{handling}, #{refersTo})")
	void insert(CaseRecord record);

	@Select("SELECT COUNT(*) > 0 FROM service_case")
	boolean any();

	@Select("SELECT " + COLUMNS + " FROM service_case WHERE case_no = #{caseNo}")
	CaseRecord find(@Param("caseNo") String caseNo);

	@Select("SELECT " + COLUMNS + " FROM service_case WHERE request_id = #{requestId}")
	CaseRecord findByRequest(@Param("requestId") String requestId);

	@Select({ "<script>SELECT " + COLUMNS + " FROM service_case WHERE process_instance_id IN ",
			"<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>" })
	List<CaseRecord> byProcessInstances(@Param("ids") List<String> processInstanceIds);

	/** Mapped by position: a page of 500 steps mapped by argument name cost more than the query. */
	@Select({ "<script>SELECT process_instance_id, case_no, matter_code FROM service_case WHERE process_instance_id IN ",
			"<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>" })
	@ConstructorArgs({ @Arg(column = "process_instance_id", javaType = String.class),
			@Arg(column = "case_no", javaType = String.class), @Arg(column = "matter_code", javaType = String.class) })
	List<CaseOfProcess> casesOfProcesses(@Param("ids") List<String> processInstanceIds);

	@Select("SELECT case_no FROM service_case WHERE applicant_id_number = #{idNumber} AND matter_code = #{matter} "
			+ "AND status = 'NOTICE_ISSUED' ORDER BY received_at DESC, case_no DESC LIMIT 1")
	String lastNotice(@Param("idNumber") String idNumber, @Param("matter") String matterCode);

	@Update("UPDATE service_case SET process_instance_id = #{pid} WHERE case_no = #{caseNo}")
	void linkProcess(@Param("caseNo") String caseNo, @Param("pid") String processInstanceId);

	@Update("UPDATE service_case SET status = #{status} WHERE case_no = #{caseNo} AND status = #{from}")
	int moveStatus(@Param("caseNo") String caseNo, @Param("from") CaseStatus from, @Param("status") CaseStatus status);

	@Update("UPDATE service_case SET status = 'SUSPENDED' WHERE case_no = #{caseNo} "
			+ "AND status IN ('ACCEPTED', 'ACCEPTED_WITH_DEFICIENCY', 'IN_PROGRESS', 'APPROVED')")
	int suspend(@Param("caseNo") String caseNo);

	@Update("UPDATE service_case SET status = #{status} WHERE case_no = #{caseNo}")
	void setStatus(@Param("caseNo") String caseNo, @Param("status") CaseStatus status);

	@Update("UPDATE service_case SET status = #{status}, completed_at = #{at} WHERE case_no = #{caseNo}")
	void finish(@Param("caseNo") String caseNo, @Param("status") CaseStatus status, @Param("at") Instant at);

	@Insert("INSERT INTO case_material (case_no, material_code, provided, original_seen_by, original_seen_at) "
			+ "VALUES (#{caseNo}, #{code}, #{provided}, #{seenBy}, #{seenAt})")
	void insertMaterial(@Param("caseNo") String caseNo, @Param("code") String code, @Param("provided") boolean provided,
			@Param("seenBy") String originalSeenBy, @Param("seenAt") Instant originalSeenAt);

	/** The window clerk has seen these paper originals. */
	@Update({ "<script>UPDATE case_material SET original_seen_by = #{who}, original_seen_at = #{at} WHERE case_no = #{caseNo} ",
			"AND material_code IN <foreach item='c' collection='codes' open='(' separator=',' close=')'>#{c}</foreach></script>" })
	int originalsSeen(@Param("caseNo") String caseNo, @Param("codes") java.util.Collection<String> codes,
			@Param("who") String who, @Param("at") Instant at);

	@Select("SELECT material_code, provided, requested, original_seen_by, original_seen_at FROM case_material "
			+ "WHERE case_no = #{caseNo}")
	List<CaseMaterialRow> materials(@Param("caseNo") String caseNo);

	record CaseMaterialRow(String materialCode, boolean provided, boolean requested, String originalSeenBy,
			Instant originalSeenAt) {
	}

	@Update({ "<script>UPDATE case_material SET requested = TRUE, provided = FALSE WHERE case_no = #{caseNo} AND material_code IN ",
			"<foreach item='c' collection='codes' open='(' separator=',' close=')'>#{c}</foreach></script>" })
	int requestMaterials(@Param("caseNo") String caseNo, @Param("codes") List<String> codes);

	@Update({ "<script>UPDATE case_material SET requested = FALSE, provided = TRUE WHERE case_no = #{caseNo} AND material_code IN ",
			"<foreach item='c' collection='codes' open='(' separator=',' close=')'>#{c}</foreach></script>" })
	int supplyMaterials(@Param("caseNo") String caseNo, @Param("codes") java.util.Collection<String> codes);

	@Select("SELECT material_code FROM case_material WHERE case_no = #{caseNo} AND requested = TRUE ORDER BY material_code")
	List<String> requestedMaterials(@Param("caseNo") String caseNo);

	@Select("SELECT material_code FROM case_material WHERE case_no = #{caseNo} AND provided = TRUE")
	List<String> providedMaterials(@Param("caseNo") String caseNo);

	@Select("SELECT material_code FROM case_material WHERE case_no = #{caseNo}")
	List<String> recordedMaterials(@Param("caseNo") String caseNo);

	@Update("UPDATE service_case SET bundle_case_no = #{bundle} WHERE case_no = #{caseNo}")
	void linkBundle(@Param("caseNo") String caseNo, @Param("bundle") String bundleCaseNo);

	@Select("SELECT " + COLUMNS + " FROM service_case WHERE bundle_case_no = #{bundle} ORDER BY case_no")
	List<CaseRecord> children(@Param("bundle") String bundleCaseNo);

	@Select("SELECT bundle_case_no FROM service_case WHERE case_no = #{caseNo}")
	String bundleOf(@Param("caseNo") String caseNo);

	/** Serialises what the matters of one bundle report about themselves (see Cases#lockBundle). */
	@Update("UPDATE service_case SET status = status WHERE case_no = #{caseNo}")
	int lock(@Param("caseNo") String caseNo);

	@Insert("INSERT INTO case_event (case_no, occurred_at, kind, step_id, step_name, actor, decision, opinion) "
			+ "VALUES (#{caseNo}, #{e.occurredAt}, #{e.kind}, #{e.stepId}, #{e.stepName}, #{e.actor}, #{e.decision}, "
			+ "#{e.opinion})")
	void insertEvent(@Param("caseNo") String caseNo, @Param("e") CaseEvent event);

	@Select("SELECT occurred_at, kind, step_id, step_name, actor, decision, opinion FROM case_event "
			+ "WHERE case_no = #{caseNo} ORDER BY occurred_at, id")
	List<CaseEvent> events(@Param("caseNo") String caseNo);

	/** 已办: a person's completed steps, newest first, along the index on (actor, occurred_at). */
	@Select("SELECT e.case_no, c.matter_code, m.name AS matter_name, e.step_id, e.step_name, e.decision, e.opinion, "
			+ "e.occurred_at, c.status FROM case_event e JOIN service_case c ON c.case_no = e.case_no "
			+ "JOIN matter m ON m.code = c.matter_code WHERE e.actor = #{actor} AND e.kind = 'STEP' "
			+ "ORDER BY e.occurred_at DESC, e.id DESC LIMIT #{limit} OFFSET #{offset}")
	List<StepRow> stepsDoneBy(@Param("actor") String actor, @Param("offset") int offset, @Param("limit") int limit);

	@Select("SELECT COUNT(*) FROM case_event WHERE actor = #{actor} AND kind = 'STEP'")
	long countStepsDoneBy(@Param("actor") String actor);

	record StepRow(String caseNo, String matterCode, String matterName, String stepId, String stepName, String decision,
			String opinion, Instant occurredAt, CaseStatus status) {
	}

	/** 我经手的: the cases with a line of this person on their timelines, the last touched first. */
	@Select("SELECT t.case_no, c.matter_code, m.name AS matter_name, c.status, t.last_at, c.completed_at "
			+ "FROM (SELECT case_no, MAX(occurred_at) AS last_at FROM case_event WHERE actor = #{actor} GROUP BY case_no) t "
			+ "JOIN service_case c ON c.case_no = t.case_no JOIN matter m ON m.code = c.matter_code "
			+ "ORDER BY t.last_at DESC, t.case_no DESC LIMIT #{limit} OFFSET #{offset}")
	List<TouchedRow> touchedBy(@Param("actor") String actor, @Param("offset") int offset, @Param("limit") int limit);

	@Select("SELECT COUNT(DISTINCT case_no) FROM case_event WHERE actor = #{actor}")
	long countTouchedBy(@Param("actor") String actor);

	record TouchedRow(String caseNo, String matterCode, String matterName, CaseStatus status, Instant lastAt,
			Instant completedAt) {
	}

	@Insert("INSERT INTO personal_data_reveal (case_no, user_id, revealed_at, reason) VALUES (#{caseNo}, #{user}, #{at}, #{reason})")
	void insertReveal(@Param("caseNo") String caseNo, @Param("user") String user, @Param("at") Instant at,
			@Param("reason") String reason);

	@Select("<script>SELECT c.case_no, c.request_id, c.matter_code, c.status, c.applicant_type, c.applicant_name, "
			+ "c.applicant_id_number, c.applicant_phone, c.channel, c.station_code, c.priority, c.commitment, "
			+ "c.process_instance_id, c.received_at, c.accepted_by, c.completed_at, c.refusal_reason, c.handling, "
			+ "c.refers_to " + FILTERED
			+ " ORDER BY c.received_at DESC, c.case_no DESC LIMIT #{f.size} OFFSET #{f.offset}</script>")
	List<CaseRecord> page(@Param("f") CaseFilter filter);

	@Select("<script>SELECT COUNT(*) " + FILTERED + "</script>")
	long count(@Param("f") CaseFilter filter);

	@Update("UPDATE case_number_counter SET last_value = last_value + 1 WHERE counter_day = #{day}")
	int incrementCounter(@Param("day") String day);

	@Insert("INSERT INTO case_number_counter (counter_day, last_value) VALUES (#{day}, 0)")
	void insertCounter(@Param("day") String day);

	@Select("SELECT last_value FROM case_number_counter WHERE counter_day = #{day}")
	int counter(@Param("day") String day);

}

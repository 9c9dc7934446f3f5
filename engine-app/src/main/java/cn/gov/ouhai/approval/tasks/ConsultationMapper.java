package cn.gov.ouhai.approval.tasks;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** 征求意见: the {@code consultation} table. */
@Mapper
interface ConsultationMapper {

	String COLUMNS = "id, case_no, task_id, step_id, step_name, asked_by, group_id, question, workdays, asked_at, due_at, "
			+ "answered_by, answer, answered_at";

	@Insert("INSERT INTO consultation (case_no, task_id, step_id, step_name, asked_by, group_id, question, workdays, "
			+ "asked_at, due_at) VALUES (#{c.caseNo}, #{c.taskId}, #{c.stepId}, #{c.stepName}, #{c.askedBy}, #{c.groupId}, "
			+ "#{c.question}, #{c.workdays}, #{c.askedAt}, #{c.dueAt})")
	@Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
	void insert(@Param("c") Consultation consultation, @Param("key") GeneratedKey key);

	@Select("SELECT " + COLUMNS + " FROM consultation WHERE id = #{id}")
	Consultation find(@Param("id") long id);

	@Select("SELECT COUNT(*) FROM consultation WHERE task_id = #{taskId} AND group_id = #{group} AND answered_at IS NULL")
	int openFor(@Param("taskId") String taskId, @Param("group") String group);

	/** Answers it unless someone answered first (0 rows then). */
	@Update("UPDATE consultation SET answered_by = #{by}, answer = #{answer}, answered_at = #{at} "
			+ "WHERE id = #{id} AND answered_at IS NULL")
	int answer(@Param("id") long id, @Param("by") String by, @Param("answer") String answer, @Param("at") Instant at);

	@Select({ "<script>SELECT " + COLUMNS + " FROM consultation WHERE group_id IN ",
			"<foreach item='g' collection='groups' open='(' separator=',' close=')'>#{g}</foreach>",
			"<if test='open'> AND answered_at IS NULL</if> ORDER BY due_at, id LIMIT #{limit}</script>" })
	List<Consultation> addressedTo(@Param("groups") Collection<String> groups, @Param("open") boolean open,
			@Param("limit") int limit);

	@Select("SELECT " + COLUMNS + " FROM consultation WHERE asked_by = #{user} ORDER BY id DESC LIMIT #{limit}")
	List<Consultation> askedBy(@Param("user") String user, @Param("limit") int limit);

	@Select("SELECT " + COLUMNS + " FROM consultation WHERE task_id = #{taskId} ORDER BY id")
	List<Consultation> ofTask(@Param("taskId") String taskId);

	@Select("SELECT " + COLUMNS + " FROM consultation WHERE case_no = #{caseNo} ORDER BY id")
	List<Consultation> ofCase(@Param("caseNo") String caseNo);

	/** A row of {@code consultation}. */
	record Consultation(long id, String caseNo, String taskId, String stepId, String stepName, String askedBy,
			String groupId, String question, int workdays, Instant askedAt, Instant dueAt, String answeredBy,
			String answer, Instant answeredAt) {
	}

	/** Receives the id the database gave a new row. */
	final class GeneratedKey {

		private Long id;

		public Long getId() {
			return this.id;
		}

		public void setId(Long id) {
			this.id = id;
		}

	}

}

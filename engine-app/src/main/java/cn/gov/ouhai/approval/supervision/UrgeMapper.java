package cn.gov.ouhai.approval.supervision;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface UrgeMapper {

	String COLUMNS = "id, case_no, department_code, message, urged_by, urged_at, state, due_at, process_instance_id, "
			+ "answer, answered_by, answered_at";

	@Insert("INSERT INTO case_urge (case_no, department_code, message, urged_by, urged_at, state) "
			+ "VALUES (#{caseNo}, #{department}, #{message}, #{by}, #{at}, 'OPEN')")
	@Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
	void insert(@Param("caseNo") String caseNo, @Param("department") String department, @Param("message") String message,
			@Param("by") String by, @Param("at") Instant at, @Param("key") GeneratedKey key);

	@Update("UPDATE case_urge SET process_instance_id = #{pid}, due_at = #{due} WHERE id = #{id}")
	void linkProcess(@Param("id") long id, @Param("pid") String processInstanceId, @Param("due") Instant due);

	@Select("SELECT " + COLUMNS + " FROM case_urge WHERE id = #{id}")
	Urge find(@Param("id") long id);

	@Select("<script>SELECT " + COLUMNS + " FROM case_urge <where>"
			+ "<if test='state != null'> state = #{state}</if>"
			+ "<if test='caseNo != null'> AND case_no = #{caseNo}</if>"
			+ "<if test='department != null'> AND department_code = #{department}</if>"
			+ "</where> ORDER BY urged_at DESC, id DESC LIMIT #{limit}</script>")
	List<Urge> list(@Param("state") UrgeState state, @Param("caseNo") String caseNo,
			@Param("department") String department, @Param("limit") int limit);

	@Update("UPDATE case_urge SET state = 'OVERDUE' WHERE id = #{id} AND state = 'OPEN'")
	void overdue(@Param("id") long id);

	@Update("UPDATE case_urge SET state = 'ANSWERED', answered_at = #{at}, "
			+ "answer = COALESCE(answer, #{answer}), answered_by = COALESCE(answered_by, #{by}) WHERE id = #{id}")
	void answered(@Param("id") long id, @Param("at") Instant at, @Param("answer") String answer, @Param("by") String by);

	@Update("UPDATE case_urge SET answer = #{answer}, answered_by = #{by} WHERE id = #{id}")
	void answer(@Param("id") long id, @Param("answer") String answer, @Param("by") String by);

	/** Holds the key the database generated for an insert. */
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

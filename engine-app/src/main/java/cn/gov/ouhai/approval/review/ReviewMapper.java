package cn.gov.ouhai.approval.review;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ReviewMapper {

	String COLUMNS = "id, case_no, channel, score, review_comment, bad, state, matter_code, department_code, station_code, "
			+ "staff, process_instance_id, complex, answer, rectification_score, created_by, created_at, closed_at";

	String FILTERED = """
			FROM case_review
			<where>
			  <if test="f.bad != null"> bad = #{f.bad}</if>
			  <if test="f.state != null"> AND state = #{f.state}</if>
			  <if test="f.from != null"> AND created_at &gt;= #{f.from}</if>
			  <if test="f.to != null"> AND created_at &lt; #{f.to}</if>
			  <if test="f.departments != null">
			    AND department_code IN
			    <foreach item="d" collection="f.departments" open="(" separator="," close=")">#{d}</foreach>
			  </if>
			</where>
			""";

	@Insert("INSERT INTO case_review (case_no, channel, score, review_comment, bad, state, matter_code, department_code, "
			+ "station_code, staff, created_by, created_at, case_received_at) VALUES (#{r.caseNo}, #{r.channel}, #{r.score}, "
			+ "#{r.reviewComment}, #{r.bad}, #{r.state}, #{r.matterCode}, #{r.departmentCode}, #{r.stationCode}, #{r.staff}, "
			+ "#{r.createdBy}, #{r.createdAt}, (SELECT c.received_at FROM service_case c WHERE c.case_no = #{r.caseNo}))")
	@Options(useGeneratedKeys = true, keyProperty = "key.id", keyColumn = "id")
	void insert(@Param("r") Review review, @Param("key") GeneratedKey key);

	@Select("SELECT " + COLUMNS + " FROM case_review WHERE id = #{id}")
	Review find(@Param("id") long id);

	@Select("SELECT COUNT(*) FROM case_review WHERE case_no = #{caseNo} AND channel = #{channel}")
	int countFor(@Param("caseNo") String caseNo, @Param("channel") String channel);

	@Update("UPDATE case_review SET process_instance_id = #{pid} WHERE id = #{id}")
	void linkProcess(@Param("id") long id, @Param("pid") String processInstanceId);

	@Update("UPDATE case_review SET state = #{state} WHERE id = #{id}")
	void moveTo(@Param("id") long id, @Param("state") ReviewState state);

	@Update("UPDATE case_review SET state = #{state}, closed_at = #{at} WHERE id = #{id}")
	void close(@Param("id") long id, @Param("state") ReviewState state, @Param("at") Instant at);

	@Update("UPDATE case_review SET complex = #{complex} WHERE id = #{id}")
	void complex(@Param("id") long id, @Param("complex") boolean complex);

	@Update("UPDATE case_review SET answer = #{answer} WHERE id = #{id}")
	void answer(@Param("id") long id, @Param("answer") String answer);

	@Update("UPDATE case_review SET rectification_score = #{score} WHERE id = #{id}")
	void rated(@Param("id") long id, @Param("score") int score);

	@Select("<script>SELECT " + COLUMNS + " " + FILTERED
			+ " ORDER BY created_at DESC, id DESC LIMIT #{f.size} OFFSET #{f.offset}</script>")
	List<Review> page(@Param("f") ReviewFilter filter);

	@Select("<script>SELECT COUNT(*) " + FILTERED + "</script>")
	long count(@Param("f") ReviewFilter filter);

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

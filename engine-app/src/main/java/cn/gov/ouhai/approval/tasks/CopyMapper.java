package cn.gov.ouhai.approval.tasks;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** 抄送 and 常用意见: the {@code case_copy}, {@code case_copy_read} and {@code opinion_phrase} tables. */
@Mapper
interface CopyMapper {

	@Insert("INSERT INTO case_copy (case_no, task_id, step_name, from_user, recipient, recipient_kind, note, created_at) "
			+ "VALUES (#{caseNo}, #{taskId}, #{stepName}, #{from}, #{recipient}, #{kind}, #{note}, #{at})")
	void insert(@Param("caseNo") String caseNo, @Param("taskId") String taskId, @Param("stepName") String stepName,
			@Param("from") String from, @Param("recipient") String recipient, @Param("kind") String kind,
			@Param("note") String note, @Param("at") Instant at);

	/** The copies to a user or to one of its groups, newest first, with whether this user read them. */
	@Select({ "<script>SELECT c.id, c.case_no, c.task_id, c.step_name, c.from_user, c.recipient, c.recipient_kind, c.note, ",
			"c.created_at, r.read_at FROM case_copy c LEFT JOIN case_copy_read r ON r.copy_id = c.id AND r.user_id = #{user} ",
			"WHERE ((c.recipient = #{user} AND c.recipient_kind = 'USER')",
			"<if test='!groups.isEmpty()'> OR (c.recipient_kind = 'GROUP' AND c.recipient IN ",
			"<foreach item='g' collection='groups' open='(' separator=',' close=')'>#{g}</foreach>)</if>)",
			"<if test='unread'> AND r.read_at IS NULL</if> ORDER BY c.id DESC LIMIT #{limit}</script>" })
	List<CopyRow> to(@Param("user") String user, @Param("groups") Collection<String> groups,
			@Param("unread") boolean unread, @Param("limit") int limit);

	@Select("SELECT c.id, c.case_no, c.task_id, c.step_name, c.from_user, c.recipient, c.recipient_kind, c.note, "
			+ "c.created_at, r.read_at FROM case_copy c LEFT JOIN case_copy_read r ON r.copy_id = c.id AND r.user_id = #{user} "
			+ "WHERE c.id = #{id}")
	CopyRow find(@Param("id") long id, @Param("user") String user);

	@Select("SELECT COUNT(*) FROM case_copy_read WHERE copy_id = #{id} AND user_id = #{user}")
	int readBy(@Param("id") long id, @Param("user") String user);

	@Insert("INSERT INTO case_copy_read (copy_id, user_id, read_at) VALUES (#{id}, #{user}, #{at})")
	void markRead(@Param("id") long id, @Param("user") String user, @Param("at") Instant at);

	record CopyRow(long id, String caseNo, String taskId, String stepName, String fromUser, String recipient,
			String recipientKind, String note, Instant createdAt, Instant readAt) {
	}

	@Select("SELECT id, phrase, created_at FROM opinion_phrase WHERE user_id = #{user} ORDER BY id")
	List<PhraseRow> phrases(@Param("user") String user);

	@Select("SELECT COUNT(*) FROM opinion_phrase WHERE user_id = #{user}")
	int phraseCount(@Param("user") String user);

	@Select("SELECT COUNT(*) FROM opinion_phrase WHERE user_id = #{user} AND phrase = #{text}")
	int hasPhrase(@Param("user") String user, @Param("text") String text);

	@Insert("INSERT INTO opinion_phrase (user_id, phrase, created_at) VALUES (#{user}, #{text}, #{at})")
	void insertPhrase(@Param("user") String user, @Param("text") String text, @Param("at") Instant at);

	@org.apache.ibatis.annotations.Delete("DELETE FROM opinion_phrase WHERE id = #{id} AND user_id = #{user}")
	int deletePhrase(@Param("id") long id, @Param("user") String user);

	record PhraseRow(long id, String phrase, Instant createdAt) {
	}

}

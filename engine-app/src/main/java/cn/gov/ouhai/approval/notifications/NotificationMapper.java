package cn.gov.ouhai.approval.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Reads the {@code notification} table the Notifier writes (addressed to a user id or a group) along
 * its index on (addressee, id), with this user's read marks from {@code notification_read}.
 */
@Mapper
interface NotificationMapper {

	String ADDRESSED = "n.addressee IN <foreach item='a' collection='addressees' open='(' separator=',' close=')'>#{a}</foreach>";

	@Select({ "<script>SELECT n.id, n.case_no, n.addressee, n.kind, n.message, n.created_at, r.read_at FROM notification n ",
			"LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = #{user} WHERE " + ADDRESSED,
			"<if test='unread'> AND r.read_at IS NULL</if> ORDER BY n.id DESC LIMIT #{limit}</script>" })
	List<Row> list(@Param("user") String user, @Param("addressees") Collection<String> addressees,
			@Param("unread") boolean unread, @Param("limit") int limit);

	@Select({ "<script>SELECT COUNT(*) FROM notification n LEFT JOIN notification_read r ON r.notification_id = n.id ",
			"AND r.user_id = #{user} WHERE " + ADDRESSED + " AND r.read_at IS NULL</script>" })
	long unread(@Param("user") String user, @Param("addressees") Collection<String> addressees);

	@Select("SELECT n.id, n.case_no, n.addressee, n.kind, n.message, n.created_at, r.read_at FROM notification n "
			+ "LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = #{user} WHERE n.id = #{id}")
	Row find(@Param("id") long id, @Param("user") String user);

	@Insert("INSERT INTO notification_read (notification_id, user_id, read_at) VALUES (#{id}, #{user}, #{at})")
	void markRead(@Param("id") long id, @Param("user") String user, @Param("at") Instant at);

	/** Marks every unread notification of the user and its groups read, at once. */
	@Insert({ "<script>INSERT INTO notification_read (notification_id, user_id, read_at) SELECT n.id, #{user}, #{at} ",
			"FROM notification n WHERE " + ADDRESSED,
			" AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.user_id = #{user})</script>" })
	int markAllRead(@Param("user") String user, @Param("addressees") Collection<String> addressees,
			@Param("at") Instant at);

	record Row(long id, String caseNo, String addressee, String kind, String message, Instant createdAt,
			Instant readAt) {
	}

}

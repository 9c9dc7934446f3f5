package cn.gov.ouhai.approval.sla;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CalendarMapper {

	@Select("SELECT COUNT(*) FROM calendar_year WHERE year_no = #{year}")
	int yearLoaded(@Param("year") int year);

	@Select("SELECT calendar_date AS date, kind, name FROM calendar_day WHERE year_no = #{year} ORDER BY calendar_date")
	List<CalendarDay> days(@Param("year") int year);

	@Update("UPDATE calendar_year SET updated_at = #{at}, updated_by = #{by} WHERE year_no = #{year}")
	int touchYear(@Param("year") int year, @Param("at") Instant at, @Param("by") String by);

	@Insert("INSERT INTO calendar_year (year_no, updated_at, updated_by) VALUES (#{year}, #{at}, #{by})")
	void insertYear(@Param("year") int year, @Param("at") Instant at, @Param("by") String by);

	@Delete("DELETE FROM calendar_day WHERE year_no = #{year}")
	void deleteDays(@Param("year") int year);

	@Insert("INSERT INTO calendar_day (calendar_date, year_no, kind, name) VALUES (#{d.date}, #{year}, #{d.kind}, #{d.name})")
	void insertDay(@Param("year") int year, @Param("d") CalendarDay day);

	@Select("SELECT year_no FROM calendar_year ORDER BY year_no")
	List<Integer> years();

	/** The administrators were warned about a provisional year; a second warning of the same year is a duplicate key. */
	@Insert("INSERT INTO calendar_warning (year_no, warned_at) VALUES (#{year}, #{at})")
	void warned(@Param("year") int year, @Param("at") Instant at);

	default boolean loaded(int year) {
		return yearLoaded(year) > 0;
	}


}

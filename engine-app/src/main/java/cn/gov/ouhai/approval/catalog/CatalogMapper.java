package cn.gov.ouhai.approval.catalog;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface CatalogMapper {

	@Select("SELECT code, name FROM department ORDER BY code")
	List<Department> departments();

	@Select("SELECT code, name, level, parent_code FROM station ORDER BY sort_order")
	List<Station> stations();

	@Select("""
			<script>
			SELECT m.code, m.name, m.department_code, d.name AS department_name, m.kind, m.statutory_workdays,
			       m.promised_workdays, m.commitment_allowed, m.process_key, m.applicant_types, m.exception_note,
			       m.proxy_received, m.livelihood
			FROM matter m JOIN department d ON d.code = m.department_code
			<where>
			  <if test="code != null"> m.code = #{code}</if>
			  <if test="q != null"> AND (m.name LIKE CONCAT('%', #{q}, '%') OR m.code LIKE CONCAT('%', #{q}, '%'))</if>
			  <if test="department != null"> AND m.department_code = #{department}</if>
			  <if test="station != null">
			    AND EXISTS (SELECT 1 FROM matter_station s WHERE s.matter_code = m.code AND s.station_code = #{station})
			  </if>
			</where>
			ORDER BY m.code
			</script>
			""")
	List<MatterRow> matters(@Param("code") String code, @Param("q") String q, @Param("department") String department,
			@Param("station") String station);

	@Select("SELECT code FROM matter WHERE process_key = #{key} ORDER BY code")
	List<String> matterCodeOfProcess(@Param("key") String processKey);

	@Select("SELECT matter_code, code, name, tolerable FROM matter_material WHERE matter_code = #{matter} ORDER BY sort_order")
	List<MaterialRow> materialsOf(@Param("matter") String matterCode);

	@Select("SELECT s.station_code, s.decides FROM matter_station s JOIN station t ON t.code = s.station_code "
			+ "WHERE s.matter_code = #{matter} ORDER BY t.sort_order")
	List<StationRow> stationsOf(@Param("matter") String matterCode);

	record StationRow(String stationCode, boolean decides) {
	}

	record MatterRow(String code, String name, String departmentCode, String departmentName, MatterKind kind,
			int statutoryWorkdays, int promisedWorkdays, boolean commitmentAllowed, String processKey,
			ApplicantTypes applicantTypes, String exceptionNote, boolean proxyReceived, boolean livelihood) {
	}

	record MaterialRow(String matterCode, String code, String name, boolean tolerable) {
	}

}

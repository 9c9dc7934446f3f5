package cn.gov.ouhai.approval.files;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CaseFileMapper {

	String COLUMNS = "id, case_no, material_code, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, "
			+ "removed_at";

	@Insert("INSERT INTO case_file (id, case_no, material_code, file_name, media_type, size_bytes, sha256, uploaded_by, "
			+ "uploaded_at) VALUES (#{id}, #{caseNo}, #{materialCode}, #{fileName}, #{mediaType}, #{sizeBytes}, "
			+ "#{sha256}, #{uploadedBy}, #{uploadedAt})")
	void insert(CaseFile file);

	@Select("SELECT " + COLUMNS + " FROM case_file WHERE case_no = #{caseNo} ORDER BY material_code, uploaded_at, file_name, id")
	List<CaseFile> ofCase(@Param("caseNo") String caseNo);

	@Select("SELECT " + COLUMNS + " FROM case_file WHERE id = #{id} AND case_no = #{caseNo}")
	CaseFile find(@Param("caseNo") String caseNo, @Param("id") String id);

	@Select("SELECT COALESCE(SUM(size_bytes), 0) FROM case_file WHERE case_no = #{caseNo} AND removed_at IS NULL")
	long storedBytes(@Param("caseNo") String caseNo);

	@Select("SELECT media_type FROM matter_file_type WHERE matter_code = #{matter} ORDER BY media_type")
	List<String> typesOf(@Param("matter") String matterCode);

	@Insert("INSERT INTO file_download (file_id, case_no, downloaded_by, downloaded_at) "
			+ "VALUES (#{fileId}, #{caseNo}, #{who}, #{at})")
	void recordDownload(@Param("fileId") String fileId, @Param("caseNo") String caseNo, @Param("who") String who,
			@Param("at") Instant at);

	/**
	 * Files of cases whose process the engine's history cleanup has removed (a case's process stays in
	 * ACT_HI_PROCINST from its start until then). Cases that never had a process keep their files.
	 */
	@Update("""
			UPDATE case_file SET removed_at = #{now}
			WHERE removed_at IS NULL AND case_no IN (
			  SELECT c.case_no FROM service_case c
			  WHERE c.process_instance_id IS NOT NULL
			    AND NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST h WHERE h.ID_ = c.process_instance_id)
			    AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.PROC_INST_ID_ = c.process_instance_id))
			""")
	int releaseFilesOfRemovedCases(@Param("now") Instant now);

	@Select("SELECT COUNT(*) > 0 FROM case_file WHERE sha256 = #{sha256} AND removed_at IS NULL")
	boolean referenced(@Param("sha256") String sha256);

}

package cn.gov.ouhai.approval.cases;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The applicants' commitment record (信用记录): a false commitment under 告知承诺, or a
 * 容缺 supplement never delivered. An applicant with such a record is offered neither approval on
 * commitment nor deficiency-tolerant intake.
 */
@Mapper
public interface ApplicantCredit {

	@Select("SELECT COUNT(*) > 0 FROM applicant_credit WHERE id_number = #{idNumber}")
	boolean restricted(@Param("idNumber") String idNumber);

	@Insert("INSERT INTO applicant_credit (id_number, kind, case_no, note, recorded_at) "
			+ "VALUES (#{idNumber}, #{kind}, #{caseNo}, #{note}, #{at})")
	void record(@Param("idNumber") String idNumber, @Param("kind") String kind, @Param("caseNo") String caseNo,
			@Param("note") String note, @Param("at") Instant at);

}

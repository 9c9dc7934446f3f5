package cn.gov.ouhai.approval.bundles;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface BundleMapper {

	@Select("SELECT code, questionnaire_decision, questionnaire_form FROM bundle ORDER BY sort_order")
	List<BundleRow> bundles();

	@Select("SELECT matter_code FROM bundle_matter WHERE bundle_code = #{code} ORDER BY sort_order")
	List<String> matters(@Param("code") String bundleCode);

	@Select("SELECT matter_code, material_code, bundle_material_code FROM bundle_material_use WHERE bundle_code = #{code}")
	List<MaterialUse> materialUses(@Param("code") String bundleCode);

	record BundleRow(String code, String questionnaireDecision, String questionnaireForm) {
	}

	/** A matter's material and the bundle material it comes from (null: shared from another matter's result). */
	record MaterialUse(String matterCode, String materialCode, String bundleMaterialCode) {
	}

}

package cn.gov.ouhai.approval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Intake bodies for tests, with valid check digits (verified independently in IdentityNumbersTests). */
public final class Applicants {

	/** A resident ID number with a valid check digit. */
	public static final String PERSON_ID = "330304199003071234";

	/** A unified social credit code with a valid check digit. */
	public static final String COMPANY_CODE = "91330304MA2L8K5Q6F";

	private Applicants() {
	}

	public static Map<String, Object> intake(String requestId, String matterCode, String station,
			List<String> provided, List<String> all) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("requestId", requestId);
		body.put("matterCode", matterCode);
		body.put("applicant", Map.of("type", "ORG", "name", "温州市瓯海区好味餐饮店", "idNumber", COMPANY_CODE, "phone",
				"13812345678"));
		body.put("channel", "WINDOW");
		body.put("station", station);
		List<Map<String, Object>> materials = new ArrayList<>();
		for (String code : all) {
			materials.add(Map.of("code", code, "provided", provided.contains(code)));
		}
		body.put("materials", materials);
		return body;
	}

	/** The same, for a natural person (resident ID number). */
	public static Map<String, Object> personIntake(String requestId, String matterCode, String station,
			List<String> provided, List<String> all) {
		Map<String, Object> body = intake(requestId, matterCode, station, provided, all);
		body.put("applicant", Map.of("type", "PERSON", "name", "张三", "idNumber", PERSON_ID, "phone", "13812345678"));
		return body;
	}

	/** 食品经营许可 with every material handed in. */
	public static Map<String, Object> foodLicence(String requestId) {
		List<String> all = List.of("M01", "M02", "M03", "M04", "M05");
		return intake(requestId, "SCJG-SPJY-001", "OH-CENTRE", all, all);
	}

}

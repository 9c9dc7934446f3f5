package cn.gov.ouhai.approval.cases;

/** Masks personal data wherever people or logs see it: names, ID numbers, phones. */
public final class PersonalDataMask {

	private PersonalDataMask() {
	}

	/** 张三 → 张*, 欧阳娜娜 → 欧**娜; organisations keep their names (public register data). */
	public static String name(String name, ApplicantType type) {
		if (name == null || type == ApplicantType.ORG || name.length() < 2) {
			return name;
		}
		if (name.length() == 2) {
			return name.charAt(0) + "*";
		}
		return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
	}

	/** Keeps the first 6 (region) and last 4 characters of an 18-character number. */
	public static String idNumber(String id) {
		if (id == null || id.length() < 10) {
			return id == null ? null : "*".repeat(id.length());
		}
		return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
	}

	/** 13812345678 → 138****5678. */
	public static String phone(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone == null ? null : "*".repeat(phone.length());
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

}

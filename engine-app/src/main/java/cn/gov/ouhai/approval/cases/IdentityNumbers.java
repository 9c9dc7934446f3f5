package cn.gov.ouhai.approval.cases;

/**
 * Check digits of the two identity numbers applicants give: the resident ID number (GB 11643) and
 * the unified social credit code (GB 32100). A typo caught at the window saves a returned case.
 */
final class IdentityNumbers {

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String ID_CHECK = "10X98765432";

	private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private IdentityNumbers() {
	}

	static boolean validResidentId(String id) {
		if (id == null || !id.matches("\\d{17}[\\dX]")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return ID_CHECK.charAt(sum % 11) == id.charAt(17);
	}

	static boolean validCreditCode(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = CREDIT_CHARS.indexOf(code.charAt(i));
			if (value < 0) {
				return false;
			}
			sum += value * CREDIT_WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return CREDIT_CHARS.charAt(check) == code.charAt(17);
	}

}

package cn.gov.ouhai.approval.review;

/** The five levels of GB/T 39735-2020; 1 and 2 are bad. */
final class ReviewScore {

	private static final String[] LABELS = { "非常不满意", "不满意", "基本满意", "满意", "非常满意" };

	private ReviewScore() {
	}

	static boolean valid(int score) {
		return score >= 1 && score <= 5;
	}

	static boolean bad(int score) {
		return score <= 2;
	}

	static String label(int score) {
		return valid(score) ? LABELS[score - 1] : null;
	}

}

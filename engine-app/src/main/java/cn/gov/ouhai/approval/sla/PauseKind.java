package cn.gov.ouhai.approval.sla;

/**
 * Time the law does not count (行政许可法 Art. 45): waiting for the applicant's corrections
 * (补正), and special procedures (听证, 检验, 检测, 专家评审, 现场核查). A diagram marks the
 * element with the extension property {@code sla.pause}.
 */
public enum PauseKind {

	SUPPLEMENT("补正"), SPECIAL_PROCEDURE("特别程序");

	private final String label;

	PauseKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}

package cn.gov.ouhai.approval.supervision;

/** Where an urge stands; the urge diagram's end events set it (extension property {@code urgeState}). */
public enum UrgeState {

	OPEN("待答复"), OVERDUE("逾期未答复"), ANSWERED("已答复");

	private final String label;

	UrgeState(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}

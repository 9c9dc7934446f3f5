package cn.gov.ouhai.approval.review;

/**
 * Where a review stands. Good reviews are {@code NONE}; a bad one moves with its rectification
 * process, which sets the state on entering its steps and ends (extension property
 * {@code reviewState}).
 */
public enum ReviewState {

	NONE("无需整改"), CONTACTING("待联系核实"), APPEALED("申诉复核中"), RECTIFYING("整改中"), AWAITING_RATING("待申请人评价"),
	RECTIFIED("已整改"), UNRESOLVED("整改未获认可"), VOIDED("已作废（申诉成立）");

	private final String label;

	ReviewState(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The rectification still runs. */
	public boolean open() {
		return this == CONTACTING || this == APPEALED || this == RECTIFYING || this == AWAITING_RATING;
	}

}

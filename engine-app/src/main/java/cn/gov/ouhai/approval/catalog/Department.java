package cn.gov.ouhai.approval.catalog;

/** A department; its approvers are group {@code dept-<code>}, its heads group {@code head-<code>}. */
public record Department(String code, String name) {

	public String approverGroup() {
		return "dept-" + this.code;
	}

	public String headGroup() {
		return "head-" + this.code;
	}

}

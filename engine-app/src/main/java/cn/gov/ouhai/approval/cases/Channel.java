package cn.gov.ouhai.approval.cases;

/** Where the application came in. */
public enum Channel {

	WINDOW, PC, MOBILE, KIOSK

}

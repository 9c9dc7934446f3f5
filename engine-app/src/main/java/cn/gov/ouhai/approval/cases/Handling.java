package cn.gov.ouhai.approval.cases;

/** Who decides a case (decision table Decision_Routing): the receiving window, or the department. */
public enum Handling {

	/** 受办合一: the window that received it decides on the spot. */
	WINDOW,
	/** 受办分离: the department's back office decides; the receiving station is recorded. */
	BACK_OFFICE

}

package cn.gov.ouhai.approval.cases;

/** Why a case takes the green channel (绿色通道). */
public enum PriorityReason {

	ELDERLY, DISABLED, PREGNANT, VETERAN, MAJOR_PROJECT, OTHER

}

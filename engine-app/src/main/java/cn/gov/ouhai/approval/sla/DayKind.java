package cn.gov.ouhai.approval.sla;

/** An exceptional day: a public holiday, or a weekend day worked instead (调休). */
public enum DayKind {

	HOLIDAY, WORKDAY

}

package cn.gov.ouhai.approval.catalog;

/** 即办件 (decided at the window) or 承诺件 (back office, within a promised number of working days). */
public enum MatterKind {

	IMMEDIATE, PROMISED

}

package cn.gov.ouhai.approval.catalog;

/**
 * 即办件 (decided at the window) or 承诺件 (back office, within a promised number of working days);
 * 一件事 (a bundle of matters of several departments, taken in through {@code /api/bundles}).
 */
public enum MatterKind {

	IMMEDIATE, PROMISED, BUNDLE

}

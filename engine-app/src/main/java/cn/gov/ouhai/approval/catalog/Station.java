package cn.gov.ouhai.approval.catalog;

/** A service station: the district centre, a branch centre or a township centre. */
public record Station(String code, String name, String level, String parentCode) {
}

package cn.gov.ouhai.approval.catalog;

/**
 * A material a matter asks for. {@code tolerable} marks a secondary material (次要材料) that may be
 * missing under deficiency-tolerant intake; the others are main materials (主要材料).
 */
public record Material(String code, String name, boolean tolerable) {
}

package cn.gov.ouhai.approval.cases;

/**
 * A case's process reached an end that gave it its final status. Published in the engine's
 * transaction, so a listener that acts on the engine (a bundle hearing about one of its matters)
 * acts in the same transaction.
 */
public record CaseFinished(String caseNo, CaseStatus status) {
}

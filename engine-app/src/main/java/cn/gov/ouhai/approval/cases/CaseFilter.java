package cn.gov.ouhai.approval.cases;

import java.time.Instant;
import java.util.List;

/** Filters of {@code GET /api/cases}; {@code departments == null} means every department. */
record CaseFilter(CaseStatus status, String station, Instant from, Instant to, List<String> departments, int size,
		int offset) {
}

package cn.gov.ouhai.approval.cases;

import java.time.Instant;
import java.util.List;

import cn.gov.ouhai.approval.sla.Light;

/**
 * Filters of {@code GET /api/cases}; {@code departments == null} means every department; a light
 * selects open cases by their case clock at {@code now}.
 */
record CaseFilter(CaseStatus status, String station, Instant from, Instant to, List<String> departments, Light light,
		Instant now, int size, int offset) {
}

package cn.gov.ouhai.approval.review;

import java.time.Instant;
import java.util.List;

/** What {@code GET /api/reviews} selects; {@code departments} null means every department. */
record ReviewFilter(Boolean bad, ReviewState state, List<String> departments, Instant from, Instant to, int size,
		int offset) {
}

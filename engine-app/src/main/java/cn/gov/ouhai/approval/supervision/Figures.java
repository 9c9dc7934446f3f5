package cn.gov.ouhai.approval.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The figures of one group (or of all cases) in a period. Rates are shares between 0 and 1 with
 * four decimals, {@code null} when nothing is counted; the counts they come from are beside them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record Figures(String key, String name, long cases, long decided, long onTime, long overdue, long timed,
		BigDecimal onTimeRate, BigDecimal overdueRate, BigDecimal avgWorkdaysUsed, BigDecimal avgPromisedWorkdays,
		long online, BigDecimal onlineRate, long kiosk, BigDecimal kioskShare, long nearHomeEligible, long nearHome,
		BigDecimal nearHomeRate, long reviews, long badReviews, long voidedReviews, long rectified, long rectifying,
		BigDecimal badReviewRate, BigDecimal badReviewFollowUpRate) {

	static Figures of(String key, String name, SupervisionMapper.CaseFigures c, SupervisionMapper.ReviewFigures r) {
		long decided = n(c == null ? null : c.decided());
		long timed = n(c == null ? null : c.timed());
		long cases = n(c == null ? null : c.cases());
		long bad = n(r == null ? null : r.badReviews());
		long rectified = n(r == null ? null : r.rectified());
		return new Figures(key, name, cases, decided, n(c == null ? null : c.onTime()), n(c == null ? null : c.overdue()),
				timed, share(c == null ? null : c.onTime(), decided), share(c == null ? null : c.overdue(), timed),
				share(c == null ? null : c.usedWorkdays(), decided), share(c == null ? null : c.promisedWorkdays(), decided),
				n(c == null ? null : c.online()), share(c == null ? null : c.online(), cases), n(c == null ? null : c.kiosk()),
				share(c == null ? null : c.kiosk(), cases), n(c == null ? null : c.nearHomeEligible()),
				n(c == null ? null : c.nearHome()),
				share(c == null ? null : c.nearHome(), n(c == null ? null : c.nearHomeEligible())),
				n(r == null ? null : r.reviews()), bad, n(r == null ? null : r.voided()), rectified,
				n(r == null ? null : r.rectifying()), share(bad, n(r == null ? null : r.reviews())),
				share(rectified, bad));
	}

	/** A share (or an average) with four decimals; null when the denominator is zero. */
	static BigDecimal share(Long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(n(part)).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	private static long n(Long value) {
		return value == null ? 0 : value;
	}

}

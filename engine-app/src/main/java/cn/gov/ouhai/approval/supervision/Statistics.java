package cn.gov.ouhai.approval.supervision;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Department;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.catalog.Station;
import cn.gov.ouhai.approval.clock.EngineClock;

/**
 * Statistics for supervisors over the cases received in a period (a cohort: their timing as it
 * stands now, their reviews whenever given), by department, station, channel, matter or the window
 * staff who accepted them, with the district plan's targets (table {@code supervision_target})
 * beside the figures they apply to.
 */
@Service
class Statistics {

	static final Set<String> DIMENSIONS = Set.of("department", "station", "channel", "matter", "staff");

	private static final Map<String, String> CHANNELS = Map.of("WINDOW", "窗口", "PC", "电脑端（网上）", "MOBILE",
			"移动端（掌上）", "KIOSK", "自助终端");

	private final SupervisionMapper mapper;

	private final Catalog catalog;

	Statistics(SupervisionMapper mapper, Catalog catalog) {
		this.mapper = mapper;
		this.catalog = catalog;
	}

	Report report(LocalDate from, LocalDate to, String by) {
		Instant start = from.atStartOfDay(EngineClock.ZONE).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant();
		Instant now = EngineClock.now();
		List<Figures> groups = new ArrayList<>();
		Figures total;
		if (by == null) {
			total = Figures.of("ALL", "合计", first(caseFigures(null, from, to, now)),
					first(this.mapper.reviewFigures(null, start, end)));
		}
		else {
			List<SupervisionMapper.CaseFigures> caseGroups = caseFigures(by, from, to, now);
			List<SupervisionMapper.ReviewFigures> reviewGroups = this.mapper.reviewFigures(by, start, end);
			// the groups divide the cases and reviews among them: the total is their sum, not a query more
			total = Figures.of("ALL", "合计",
					caseGroups.stream().reduce(SupervisionMapper.CaseFigures::plus).orElse(null),
					reviewGroups.stream().reduce(SupervisionMapper.ReviewFigures::plus).orElse(null));
			Map<String, SupervisionMapper.CaseFigures> cases = caseGroups.stream()
				.collect(Collectors.toMap(SupervisionMapper.CaseFigures::groupKey, Function.identity()));
			Map<String, SupervisionMapper.ReviewFigures> reviews = reviewGroups.stream()
				.collect(Collectors.toMap(SupervisionMapper.ReviewFigures::groupKey, Function.identity()));
			Set<String> keys = new LinkedHashSet<>(cases.keySet());
			keys.addAll(reviews.keySet());
			Map<String, String> names = names(by);
			keys.stream()
				.sorted()
				.forEach(key -> groups.add(Figures.of(key, names.getOrDefault(key, key), cases.get(key), reviews.get(key))));
		}
		CatalogFigures catalogFigures = catalogFigures();
		return new Report(from, to, by, EngineClock.local(now), total, groups, catalogFigures,
				targets(total, catalogFigures));
	}

	/** Week by week (Monday to Sunday), the last {@code weeks} weeks up to today: for the trend chart. */
	List<WeekFigures> weekly(int weeks) {
		LocalDate monday = EngineClock.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Instant now = EngineClock.now();
		List<WeekFigures> result = new ArrayList<>();
		for (int i = weeks - 1; i >= 0; i--) {
			LocalDate from = monday.minusWeeks(i);
			Instant start = from.atStartOfDay(EngineClock.ZONE).toInstant();
			Instant end = from.plusWeeks(1).atStartOfDay(EngineClock.ZONE).toInstant();
			Figures figures = Figures.of("ALL", "合计", first(caseFigures(null, from, from.plusDays(6), now)),
					first(this.mapper.reviewFigures(null, start, end)));
			result.add(new WeekFigures(from, figures.cases(), figures.overdue(), figures.onTimeRate()));
		}
		return result;
	}

	/**
	 * The cases received on the days from {@code from} to {@code to}: the daily summary, plus the open
	 * cases past their due date now, which the summary cannot hold (they become late with time alone).
	 */
	private List<SupervisionMapper.CaseFigures> caseFigures(String by, LocalDate from, LocalDate to, Instant now) {
		Map<String, Long> late = this.mapper
			.openOverdue(by, from.atStartOfDay(EngineClock.ZONE).toInstant(),
					to.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant(), now)
			.stream()
			.collect(Collectors.toMap(SupervisionMapper.OpenOverdue::groupKey, SupervisionMapper.OpenOverdue::overdue));
		return this.mapper.caseFigures(by, from, to)
			.stream()
			.filter(figures -> figures.cases() != null)
			.map(figures -> figures.withOverdue(
					(figures.overdue() == null ? 0 : figures.overdue()) + late.getOrDefault(figures.groupKey(), 0L)))
			.toList();
	}

	CatalogFigures catalogFigures() {
		SupervisionMapper.LivelihoodFigures livelihood = this.mapper.livelihood();
		SupervisionMapper.TownshipFigures townships = this.mapper.townships();
		long matters = livelihood.livelihood() == null ? 0 : livelihood.livelihood();
		long townshipCount = townships.townships() == null ? 0 : townships.townships();
		return new CatalogFigures(matters, livelihood.nearHome() == null ? 0 : livelihood.nearHome(),
				Figures.share(livelihood.nearHome(), matters), townshipCount,
				townships.covered() == null ? 0 : townships.covered(), Figures.share(townships.covered(), townshipCount));
	}

	private List<TargetView> targets(Figures total, CatalogFigures catalog) {
		Map<String, BigDecimal> actual = new LinkedHashMap<>();
		actual.put("onlineRate", total.onlineRate());
		actual.put("badReviewFollowUpRate", total.badReviewFollowUpRate());
		actual.put("livelihoodNearHomeShare", catalog.livelihoodNearHomeShare());
		actual.put("townshipCoverage", catalog.townshipCoverage());
		return this.mapper.targets().stream().map(target -> {
			BigDecimal value = actual.get(target.figure());
			Boolean met = value == null ? null
					: "AT_MOST".equals(target.direction()) ? value.compareTo(target.target()) <= 0
							: value.compareTo(target.target()) >= 0;
			return new TargetView(target.figure(), target.label(), target.target(), target.direction(), value, met,
					target.source());
		}).toList();
	}

	private Map<String, String> names(String by) {
		return switch (by) {
			case "department" -> this.catalog.departments().stream().collect(Collectors.toMap(Department::code, Department::name));
			case "station" -> this.catalog.stations().stream().collect(Collectors.toMap(Station::code, Station::name));
			case "matter" -> this.catalog.search(null, null, null).stream().collect(Collectors.toMap(Matter::code, Matter::name));
			case "channel" -> CHANNELS;
			default -> Map.of();
		};
	}

	private static <T> T first(List<T> rows) {
		return rows.isEmpty() ? null : rows.get(0);
	}

	record Report(LocalDate from, LocalDate to, String by, java.time.OffsetDateTime asOf, Figures total,
			List<Figures> groups, CatalogFigures catalog, List<TargetView> targets) {
	}

	/** The catalog's own figures: livelihood matters township centres can take in, townships covered. */
	record CatalogFigures(long livelihoodMatters, long livelihoodNearHome, BigDecimal livelihoodNearHomeShare,
			long townships, long townshipsCovered, BigDecimal townshipCoverage) {
	}

	/** A target of the district plan beside the figure it applies to; {@code met} null when nothing is counted. */
	record TargetView(String figure, String label, BigDecimal target, String direction, BigDecimal actual, Boolean met,
			String source) {
	}

	record WeekFigures(LocalDate week, long cases, long overdue, BigDecimal onTimeRate) {
	}

}

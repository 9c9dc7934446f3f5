package cn.gov.ouhai.approval.migration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Which cases to move: those of a matter (or a process key), from one old version or all older
 * ones, to a version (default the latest). {@code dryRun} plans without changing anything.
 */
public record MigrationRequest(@Size(max = 64, message = "最长 64 个字符 / at most 64 characters") String matter,
		@Size(max = 100, message = "最长 100 个字符 / at most 100 characters") String processKey,
		@Min(value = 1, message = "版本从 1 开始 / versions start at 1") Integer fromVersion,
		@Min(value = 1, message = "版本从 1 开始 / versions start at 1") Integer toVersion, boolean dryRun) {
}

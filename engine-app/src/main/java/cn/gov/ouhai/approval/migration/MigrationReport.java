package cn.gov.ouhai.approval.migration;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a migration did, or would do in a dry run: each running case moved or kept, and why. */
public record MigrationReport(String processKey, int targetVersion, String targetDefinitionId, boolean dryRun,
		List<CaseResult> migrated, List<CaseResult> notMigrated) {

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record CaseResult(String caseNo, String processInstanceId, int fromVersion, List<String> waitingAt,
			List<String> reasons) {
	}

}

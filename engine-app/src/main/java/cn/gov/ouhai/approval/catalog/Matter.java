package cn.gov.ouhai.approval.catalog;

import java.util.List;

/**
 * A matter (事项) with everything intake and the time limits need. {@code stations} receive it;
 * {@code decidingStations} (a subset) also decide it on the spot. {@code exceptionNote} marks a
 * matter on the centre's exception list and says where to go instead.
 */
public record Matter(String code, String name, Department department, MatterKind kind, int statutoryWorkdays,
		int promisedWorkdays, boolean commitmentAllowed, String processKey, ApplicantTypes applicantTypes,
		String exceptionNote, boolean proxyReceived, boolean livelihood, List<Material> materials,
		List<String> stations, List<String> decidingStations) {

	public boolean acceptableAt(String stationCode) {
		return this.stations.contains(stationCode);
	}

	public boolean decidedAt(String stationCode) {
		return this.decidingStations.contains(stationCode);
	}

	public boolean onExceptionList() {
		return this.exceptionNote != null;
	}

}

package cn.gov.ouhai.approval.catalog;

import java.util.List;

/** A matter (事项) with everything intake and the time limits need. */
public record Matter(String code, String name, Department department, MatterKind kind, int statutoryWorkdays,
		int promisedWorkdays, boolean commitmentAllowed, String processKey, List<Material> materials,
		List<String> stations) {

	public boolean acceptableAt(String stationCode) {
		return this.stations.contains(stationCode);
	}

}

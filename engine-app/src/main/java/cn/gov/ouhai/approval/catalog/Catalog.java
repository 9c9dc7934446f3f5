package cn.gov.ouhai.approval.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Reads the catalog. The catalog is small and read-mostly; it is read per call to stay correct. */
@Service
public class Catalog {

	private final CatalogMapper mapper;

	Catalog(CatalogMapper mapper) {
		this.mapper = mapper;
	}

	public Optional<Matter> matter(String code) {
		return this.mapper.matters(code, null, null, null).stream().findFirst().map(this::complete);
	}

	public Optional<Matter> matterOfProcess(String processKey) {
		return this.mapper.matterCodeOfProcess(processKey).stream().findFirst().flatMap(this::matter);
	}

	public List<Matter> search(String q, String station, String department) {
		return this.mapper.matters(null, blankToNull(q), blankToNull(department), blankToNull(station))
			.stream()
			.map(this::complete)
			.toList();
	}

	public List<Station> stations() {
		return this.mapper.stations();
	}

	public Optional<Station> station(String code) {
		return stations().stream().filter(s -> s.code().equals(code)).findFirst();
	}

	public List<Department> departments() {
		return this.mapper.departments();
	}

	private Matter complete(CatalogMapper.MatterRow row) {
		List<Material> materials = this.mapper.materialsOf(row.code())
			.stream()
			.map(m -> new Material(m.code(), m.name(), m.tolerable()))
			.toList();
		List<CatalogMapper.StationRow> stations = this.mapper.stationsOf(row.code());
		return new Matter(row.code(), row.name(), new Department(row.departmentCode(), row.departmentName()),
				row.kind(), row.statutoryWorkdays(), row.promisedWorkdays(), row.commitmentAllowed(), row.processKey(),
				row.applicantTypes(), row.exceptionNote(), row.proxyReceived(), row.livelihood(), materials,
				stations.stream().map(CatalogMapper.StationRow::stationCode).toList(),
				stations.stream().filter(CatalogMapper.StationRow::decides).map(CatalogMapper.StationRow::stationCode).toList());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}

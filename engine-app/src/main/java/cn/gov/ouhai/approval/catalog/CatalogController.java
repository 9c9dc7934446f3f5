package cn.gov.ouhai.approval.catalog;

import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.ouhai.approval.web.ApiException;

@RestController
@RequestMapping("/api")
class CatalogController {

	private final Catalog catalog;

	private final RepositoryService repository;

	CatalogController(Catalog catalog, RepositoryService repository) {
		this.catalog = catalog;
		this.repository = repository;
	}

	@GetMapping("/matters")
	List<MatterSummary> matters(@RequestParam(required = false) String q,
			@RequestParam(required = false) String station, @RequestParam(required = false) String department) {
		return this.catalog.search(q, station, department).stream().map(MatterSummary::of).toList();
	}

	@GetMapping("/matters/{code}")
	MatterView matter(@PathVariable String code) {
		Matter matter = this.catalog.matter(code)
			.orElseThrow(() -> ApiException.notFound("MATTER_NOT_FOUND", "没有这个事项 / No such matter: " + code));
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(matter.processKey())
			.latestVersion()
			.singleResult();
		return MatterView.of(matter, definition == null ? null : definition.getVersion());
	}

	@GetMapping("/stations")
	List<Station> stations() {
		return this.catalog.stations();
	}

	record MatterSummary(String code, String name, String department, String departmentName, MatterKind kind,
			int statutoryWorkdays, int promisedWorkdays) {

		static MatterSummary of(Matter m) {
			return new MatterSummary(m.code(), m.name(), m.department().code(), m.department().name(), m.kind(),
					m.statutoryWorkdays(), m.promisedWorkdays());
		}

	}

	record MatterView(String code, String name, String department, String departmentName, MatterKind kind,
			int statutoryWorkdays, int promisedWorkdays, boolean commitmentAllowed, ApplicantTypes applicantTypes,
			List<Material> materials, List<String> stations, List<String> decidingStations, boolean proxyReceived,
			boolean livelihood, String exceptionNote, String processKey, Integer processVersion) {

		static MatterView of(Matter m, Integer version) {
			return new MatterView(m.code(), m.name(), m.department().code(), m.department().name(), m.kind(),
					m.statutoryWorkdays(), m.promisedWorkdays(), m.commitmentAllowed(), m.applicantTypes(),
					m.materials(), m.stations(), m.decidingStations(), m.proxyReceived(), m.livelihood(),
					m.exceptionNote(), m.onExceptionList() ? null : m.processKey(), version);
		}

	}

}

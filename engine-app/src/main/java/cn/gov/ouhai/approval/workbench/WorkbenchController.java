package cn.gov.ouhai.approval.workbench;

import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.ouhai.approval.security.CurrentUser;

/** What the workbench reads beyond {@code /api/tasks} and {@code /api/cases}. */
@RestController
@RequestMapping("/api/workbench")
class WorkbenchController {

	private final WorkbenchReads reads;

	WorkbenchController(WorkbenchReads reads) {
		this.reads = reads;
	}

	/** The logged-in person: id, name and groups (the screens it may see follow from them). */
	@GetMapping("/me")
	Me me(Authentication auth) {
		return this.reads.me(CurrentUser.of(auth));
	}

	/** A step this user may work: its deployed form (the one Tasklist shows) and the values the form reads. */
	@GetMapping("/tasks/{id}")
	WorkbenchReads.TaskForm task(Authentication auth, @PathVariable String id) {
		return this.reads.task(CurrentUser.of(auth), id);
	}

	/** The BPMN XML of a deployed process (the diagram of a case's progress). */
	@GetMapping(value = "/process-definitions/{id}/xml", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> diagram(@PathVariable String id) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType(MediaType.APPLICATION_XML, java.nio.charset.StandardCharsets.UTF_8))
			.body(this.reads.diagram(id));
	}

	/** Who a step may be transferred (转办) or delegated (委派) to: the colleagues of its groups, with names. */
	@GetMapping("/colleagues")
	List<WorkbenchReads.Colleague> colleagues(Authentication auth, @RequestParam String taskId) {
		return this.reads.colleagues(CurrentUser.of(auth), taskId);
	}

	/** The departments with their groups: whom to ask an opinion of (征求意见) or copy (抄送). */
	@GetMapping("/departments")
	List<WorkbenchReads.DepartmentGroups> departments() {
		return this.reads.departments();
	}

	record Me(String id, String name, List<String> groups, Map<String, Boolean> views) {
	}

}

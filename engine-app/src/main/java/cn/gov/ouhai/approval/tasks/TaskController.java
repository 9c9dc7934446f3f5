package cn.gov.ouhai.approval.tasks;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.ouhai.approval.security.CurrentUser;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

	private final ApproverTasks tasks;

	TaskController(ApproverTasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping
	List<TaskView> list(Authentication auth, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) String group, @RequestParam(required = false) String light) {
		return this.tasks.list(CurrentUser.of(auth), mine, group, light);
	}

	@PostMapping("/{id}/claim")
	ResponseEntity<Void> claim(Authentication auth, @PathVariable String id) {
		this.tasks.claim(CurrentUser.of(auth), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/unclaim")
	ResponseEntity<Void> unclaim(Authentication auth, @PathVariable String id) {
		this.tasks.unclaim(CurrentUser.of(auth), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/request-supplement")
	ResponseEntity<Void> requestSupplement(Authentication auth, @PathVariable String id,
			@Valid @RequestBody SupplementRequest request) {
		this.tasks.requestSupplement(CurrentUser.of(auth), id, request);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/special-procedure")
	ResponseEntity<Void> specialProcedure(Authentication auth, @PathVariable String id,
			@Valid @RequestBody SpecialProcedureRequest request) {
		this.tasks.startSpecialProcedure(CurrentUser.of(auth), id, request);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/complete")
	ResponseEntity<Void> complete(Authentication auth, @PathVariable String id,
			@Valid @RequestBody CompleteRequest request) {
		this.tasks.complete(CurrentUser.of(auth), id, request);
		return ResponseEntity.noContent().build();
	}

}

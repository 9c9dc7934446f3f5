package cn.gov.ouhai.approval.tasks;

import java.util.List;
import java.util.Map;

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
import cn.gov.ouhai.approval.web.ApiException;
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
			@RequestParam(required = false) String group, @RequestParam(required = false) String light,
			@RequestParam(defaultValue = "" + ApproverTasks.DEFAULT_LISTED) int limit) {
		if (limit < 1 || limit > ApproverTasks.MAX_LISTED) {
			throw ApiException.badRequest("BAD_PARAMETER",
					"limit 取值 1 至 " + ApproverTasks.MAX_LISTED + " / limit is 1.." + ApproverTasks.MAX_LISTED,
					Map.of("limit", "1.." + ApproverTasks.MAX_LISTED));
		}
		return this.tasks.list(CurrentUser.of(auth), mine, group, light, limit);
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

package cn.gov.ouhai.approval.tasks;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.cases.StepDone;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.tasks.Consultations.ConsultationView;
import cn.gov.ouhai.approval.tasks.Copies.CopyView;
import cn.gov.ouhai.approval.tasks.Copies.PhraseView;
import cn.gov.ouhai.approval.web.ApiException;
import jakarta.validation.Valid;

/**
 * The approver workbench's operations over HTTP: 转办, 批量转办, 委派 and its 交回, 退回, 征求意见 and its
 * answer, 抄送 and 抄送我的, 常用意见, 已办.
 */
@RestController
class WorkbenchOperationsController {

	private final TaskOperations operations;

	private final Consultations consultations;

	private final Copies copies;

	private final Cases cases;

	WorkbenchOperationsController(TaskOperations operations, Consultations consultations, Copies copies, Cases cases) {
		this.operations = operations;
		this.consultations = consultations;
		this.copies = copies;
		this.cases = cases;
	}

	@PostMapping("/api/tasks/{id}/transfer")
	ResponseEntity<Void> transfer(Authentication auth, @PathVariable String id,
			@Valid @RequestBody OperationRequests.Transfer request) {
		this.operations.transfer(CurrentUser.of(auth), id, request);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/tasks/transfer")
	Map<String, Object> transferBatch(Authentication auth, @Valid @RequestBody OperationRequests.BatchTransfer request) {
		List<String> moved = this.operations.transferBatch(CurrentUser.of(auth), request);
		return Map.of("to", request.to(), "taskIds", moved);
	}

	@PostMapping("/api/tasks/{id}/delegate")
	ResponseEntity<Void> delegate(Authentication auth, @PathVariable String id,
			@Valid @RequestBody OperationRequests.Delegate request) {
		this.operations.delegate(CurrentUser.of(auth), id, request);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/tasks/{id}/resolve")
	ResponseEntity<Void> resolve(Authentication auth, @PathVariable String id,
			@Valid @RequestBody(required = false) OperationRequests.Resolve request) {
		this.operations.resolve(CurrentUser.of(auth), id, request);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/tasks/{id}/send-back")
	TaskOperations.SentBack sendBack(Authentication auth, @PathVariable String id,
			@Valid @RequestBody OperationRequests.SendBack request) {
		return this.operations.sendBack(CurrentUser.of(auth), id, request);
	}

	@PostMapping("/api/tasks/{id}/consultations")
	ResponseEntity<ConsultationView> consult(Authentication auth, @PathVariable String id,
			@Valid @RequestBody OperationRequests.Consult request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.consultations.ask(CurrentUser.of(auth), id, request));
	}

	@GetMapping("/api/tasks/{id}/consultations")
	List<ConsultationView> consultationsOfTask(Authentication auth, @PathVariable String id) {
		return this.consultations.ofTask(CurrentUser.of(auth), id);
	}

	/**
	 * Addressed to my groups ({@code state=OPEN} by default, {@code ALL} for answered ones too), or
	 * {@code asked=true}: those I asked.
	 */
	@GetMapping("/api/consultations")
	List<ConsultationView> consultations(Authentication auth, @RequestParam(defaultValue = "false") boolean asked,
			@RequestParam(defaultValue = "OPEN") String state, @RequestParam(defaultValue = "100") int limit) {
		if (!state.equals("OPEN") && !state.equals("ALL")) {
			throw ApiException.badRequest("BAD_PARAMETER", "state 取值 OPEN 或 ALL / state is OPEN or ALL",
					Map.of("state", "OPEN | ALL"));
		}
		return this.consultations.list(CurrentUser.of(auth), asked, state.equals("OPEN"), limit(limit));
	}

	@PostMapping("/api/consultations/{id}/answer")
	ConsultationView answer(Authentication auth, @PathVariable long id, @Valid @RequestBody OperationRequests.Answer request) {
		return this.consultations.answer(CurrentUser.of(auth), id, request);
	}

	@PostMapping("/api/tasks/{id}/copies")
	ResponseEntity<Map<String, Object>> copy(Authentication auth, @PathVariable String id,
			@Valid @RequestBody OperationRequests.Copy request) {
		List<String> to = this.copies.copy(CurrentUser.of(auth), id, request);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("recipients", to));
	}

	/** 抄送我的: to me or my groups, newest first; {@code unread=true} for the unread ones only. */
	@GetMapping("/api/copies")
	List<CopyView> copies(Authentication auth, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "100") int limit) {
		return this.copies.mine(CurrentUser.of(auth), unread, limit(limit));
	}

	@PostMapping("/api/copies/{id}/read")
	CopyView read(Authentication auth, @PathVariable long id) {
		return this.copies.read(CurrentUser.of(auth), id);
	}

	@GetMapping("/api/opinion-phrases")
	List<PhraseView> phrases(Authentication auth) {
		return this.copies.phrases(CurrentUser.of(auth));
	}

	@PostMapping("/api/opinion-phrases")
	ResponseEntity<PhraseView> addPhrase(Authentication auth, @Valid @RequestBody OperationRequests.Phrase request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.copies.addPhrase(CurrentUser.of(auth), request.text()));
	}

	@DeleteMapping("/api/opinion-phrases/{id}")
	ResponseEntity<Void> deletePhrase(Authentication auth, @PathVariable long id) {
		this.copies.deletePhrase(CurrentUser.of(auth), id);
		return ResponseEntity.noContent().build();
	}

	/** 已办: the steps I completed, with my decision and opinion, newest first. */
	@GetMapping("/api/tasks/done")
	Map<String, Object> done(Authentication auth, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0 || size < 1 || size > 200) {
			throw ApiException.badRequest("BAD_PARAMETER", "分页参数有误 / Bad paging parameters",
					Map.of("size", "1..200", "page", ">= 0"));
		}
		CurrentUser user = CurrentUser.of(auth);
		List<StepDone> items = this.cases.stepsDoneBy(user.id(), page * size, size);
		return Map.of("items", items, "total", this.cases.countStepsDoneBy(user.id()), "page", page, "size", size);
	}

	private static int limit(int limit) {
		if (limit < 1 || limit > Consultations.MAX_LISTED) {
			throw ApiException.badRequest("BAD_PARAMETER", "limit 取值 1 至 " + Consultations.MAX_LISTED
					+ " / limit is 1.." + Consultations.MAX_LISTED, Map.of("limit", "1.." + Consultations.MAX_LISTED));
		}
		return limit;
	}

}

package cn.gov.ouhai.approval.tasks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.cases.Cases;
import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.sla.Notification;
import cn.gov.ouhai.approval.sla.Notifier;
import cn.gov.ouhai.approval.tasks.CopyMapper.CopyRow;
import cn.gov.ouhai.approval.tasks.CopyMapper.PhraseRow;
import cn.gov.ouhai.approval.web.ApiException;

/** 抄送 (a step's case copied for information to people or groups) and 常用意见 (a person's phrases). */
@Service
class Copies {

	static final int MAX_PHRASES = 100;

	private final TaskOperations operations;

	private final CopyMapper mapper;

	private final Cases cases;

	private final IdentityService identity;

	private final Notifier notifier;

	Copies(TaskOperations operations, CopyMapper mapper, Cases cases, IdentityService identity, Notifier notifier) {
		this.operations = operations;
		this.mapper = mapper;
		this.cases = cases;
		this.identity = identity;
		this.notifier = notifier;
	}

	@Transactional
	List<String> copy(CurrentUser user, String taskId, OperationRequests.Copy request) {
		TaskOperations.Step step = this.operations.actionable(user, taskId);
		Set<String> users = new LinkedHashSet<>(request.users() == null ? List.of() : request.users());
		Set<String> groups = new LinkedHashSet<>(request.groups() == null ? List.of() : request.groups());
		Map<String, String> problems = new LinkedHashMap<>();
		if (users.isEmpty() && groups.isEmpty()) {
			problems.put("users", "至少抄送一人或一个组 / at least one user or group");
		}
		int i = 0;
		for (String id : users) {
			if (this.identity.createUserQuery().userId(id).count() == 0) {
				problems.put("users[" + i + "]", "没有这个用户 / no such user: " + id);
			}
			i++;
		}
		i = 0;
		for (String id : groups) {
			if (this.identity.createGroupQuery().groupId(id).count() == 0) {
				problems.put("groups[" + i + "]", "没有这个组 / no such group: " + id);
			}
			i++;
		}
		if (!problems.isEmpty()) {
			throw ApiException.badRequest("VALIDATION_FAILED", "抄送对象有误 / Bad recipients", problems);
		}
		Task task = step.task();
		String caseNo = step.record().caseNo();
		Instant now = EngineClock.now();
		String note = request.note() == null ? null : request.note().strip();
		for (String id : users) {
			this.mapper.insert(caseNo, taskId, task.getName(), user.id(), id, "USER", note, now);
		}
		for (String id : groups) {
			this.mapper.insert(caseNo, taskId, task.getName(), user.id(), id, "GROUP", note, now);
		}
		List<String> all = new ArrayList<>(users);
		all.addAll(groups);
		this.cases.note(caseNo, "COPY", task.getTaskDefinitionKey(), task.getName(), user.id(), "COPY",
				"抄送 " + String.join("、", all) + (note == null || note.isEmpty() ? "" : "：" + note));
		String message = "【抄送】" + user.id() + " 将办件 " + caseNo + " 的「" + task.getName() + "」抄送给您知悉"
				+ (note == null || note.isEmpty() ? "" : "：" + note);
		for (String addressee : all) {
			this.notifier.send(new Notification(caseNo, addressee, "COPY",
					message.length() > 500 ? message.substring(0, 499) + "…" : message, now));
		}
		return all;
	}

	/** 抄送我的: copies to the user or its groups, newest first. */
	List<CopyView> mine(CurrentUser user, boolean unread, int limit) {
		return this.mapper.to(user.id(), user.groups(), unread, limit).stream().map(CopyView::of).toList();
	}

	@Transactional
	CopyView read(CurrentUser user, long id) {
		CopyRow row = this.mapper.find(id, user.id());
		if (row == null) {
			throw ApiException.notFound("COPY_NOT_FOUND", "没有这个抄送 / No such copy: " + id);
		}
		boolean mine = "USER".equals(row.recipientKind()) ? row.recipient().equals(user.id()) : user.in(row.recipient());
		if (!mine) {
			throw ApiException.forbidden("该抄送不是给您的 / This copy is not addressed to you");
		}
		if (row.readAt() == null) {
			try {
				this.mapper.markRead(id, user.id(), EngineClock.now());
			}
			catch (DuplicateKeyException readAtOnce) {
				// read in another tab at the same moment: read either way
			}
		}
		return CopyView.of(this.mapper.find(id, user.id()));
	}

	List<PhraseView> phrases(CurrentUser user) {
		return this.mapper.phrases(user.id()).stream().map(PhraseView::of).toList();
	}

	@Transactional
	PhraseView addPhrase(CurrentUser user, String text) {
		String phrase = text.strip();
		if (this.mapper.hasPhrase(user.id(), phrase) > 0) {
			throw ApiException.conflict("PHRASE_EXISTS", "已有这条常用意见 / You already saved this phrase");
		}
		if (this.mapper.phraseCount(user.id()) >= MAX_PHRASES) {
			throw ApiException.conflict("TOO_MANY_PHRASES",
					"常用意见最多 " + MAX_PHRASES + " 条，请先删除不用的 / At most " + MAX_PHRASES + " phrases");
		}
		try {
			this.mapper.insertPhrase(user.id(), phrase, EngineClock.now());
		}
		catch (DuplicateKeyException savedAtOnce) {
			throw ApiException.conflict("PHRASE_EXISTS", "已有这条常用意见 / You already saved this phrase");
		}
		return this.mapper.phrases(user.id())
			.stream()
			.filter(row -> row.phrase().equals(phrase))
			.map(PhraseView::of)
			.findFirst()
			.orElseThrow();
	}

	@Transactional
	void deletePhrase(CurrentUser user, long id) {
		if (this.mapper.deletePhrase(id, user.id()) == 0) {
			throw ApiException.notFound("PHRASE_NOT_FOUND", "没有这条常用意见 / No such phrase of yours: " + id);
		}
	}

	record CopyView(long id, String caseNo, String taskId, String step, String from, String recipient,
			String recipientKind, String note, OffsetDateTime createdAt, boolean read, OffsetDateTime readAt) {

		static CopyView of(CopyRow row) {
			return new CopyView(row.id(), row.caseNo(), row.taskId(), row.stepName(), row.fromUser(), row.recipient(),
					row.recipientKind(), row.note(), EngineClock.local(row.createdAt()), row.readAt() != null,
					EngineClock.local(row.readAt()));
		}

	}

	record PhraseView(long id, String text, OffsetDateTime createdAt) {

		static PhraseView of(PhraseRow row) {
			return new PhraseView(row.id(), row.phrase(), EngineClock.local(row.createdAt()));
		}

	}

}

package cn.gov.ouhai.approval.notifications;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.ouhai.approval.clock.EngineClock;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.web.ApiException;

/** The bell: {@code GET /api/notifications}, the unread count, and marking read (per user). */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	static final int MAX_LISTED = 200;

	private final NotificationMapper mapper;

	NotificationController(NotificationMapper mapper) {
		this.mapper = mapper;
	}

	@GetMapping
	Bell list(Authentication auth, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LISTED) {
			throw ApiException.badRequest("BAD_PARAMETER", "limit 取值 1 至 " + MAX_LISTED + " / limit is 1.." + MAX_LISTED,
					Map.of("limit", "1.." + MAX_LISTED));
		}
		CurrentUser user = CurrentUser.of(auth);
		List<String> addressees = addressees(user);
		List<NotificationView> items = this.mapper.list(user.id(), addressees, unread, limit)
			.stream()
			.map(NotificationView::of)
			.toList();
		return new Bell(this.mapper.unread(user.id(), addressees), items);
	}

	@GetMapping("/unread-count")
	Map<String, Long> unreadCount(Authentication auth) {
		CurrentUser user = CurrentUser.of(auth);
		return Map.of("unread", this.mapper.unread(user.id(), addressees(user)));
	}

	@PostMapping("/{id}/read")
	@Transactional
	NotificationView read(Authentication auth, @PathVariable long id) {
		CurrentUser user = CurrentUser.of(auth);
		NotificationMapper.Row row = this.mapper.find(id, user.id());
		if (row == null) {
			throw ApiException.notFound("NOTIFICATION_NOT_FOUND", "没有这条通知 / No such notification: " + id);
		}
		if (!addressees(user).contains(row.addressee())) {
			throw ApiException.forbidden("这条通知不是给您的 / This notification is not addressed to you");
		}
		if (row.readAt() == null) {
			try {
				this.mapper.markRead(id, user.id(), EngineClock.now());
			}
			catch (DuplicateKeyException readAtOnce) {
				// read in another tab at the same moment: read either way
			}
		}
		return NotificationView.of(this.mapper.find(id, user.id()));
	}

	@PostMapping("/read-all")
	@Transactional
	Map<String, Integer> readAll(Authentication auth) {
		CurrentUser user = CurrentUser.of(auth);
		return Map.of("marked", this.mapper.markAllRead(user.id(), addressees(user), EngineClock.now()));
	}

	/** The user itself and its groups: the Notifier addresses either. */
	private static List<String> addressees(CurrentUser user) {
		List<String> addressees = new ArrayList<>(user.groups());
		addressees.add(user.id());
		return addressees;
	}

	record Bell(long unread, List<NotificationView> items) {
	}

	record NotificationView(long id, String caseNo, String addressee, String kind, String message,
			OffsetDateTime createdAt, boolean read) {

		static NotificationView of(NotificationMapper.Row row) {
			return new NotificationView(row.id(), row.caseNo(), row.addressee(), row.kind(), row.message(),
					EngineClock.local(row.createdAt()), row.readAt() != null);
		}

	}

}

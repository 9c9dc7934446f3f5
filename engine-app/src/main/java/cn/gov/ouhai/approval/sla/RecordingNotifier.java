package cn.gov.ouhai.approval.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The default notifier: writes each notification to the log and the {@code notification} table. */
@Component
class RecordingNotifier implements Notifier {

	private static final Logger log = LoggerFactory.getLogger(RecordingNotifier.class);

	private final ClockMapper mapper;

	RecordingNotifier(ClockMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public void send(Notification notification) {
		this.mapper.insertNotification(notification);
		log.info("notify {} about {} ({}): {}", notification.addressee(), notification.caseNo(), notification.kind(),
				notification.message());
	}

}

package cn.gov.ouhai.approval.sla;

/**
 * Sends a notification out of the system (SMS, e-mail, the government work app). The default,
 * {@link RecordingNotifier}, only logs and records; a real gateway is a {@code @Primary}
 * bean of this type.
 */
public interface Notifier {

	void send(Notification notification);

}

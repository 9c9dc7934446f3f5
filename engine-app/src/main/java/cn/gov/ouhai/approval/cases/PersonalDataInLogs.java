package cn.gov.ouhai.approval.cases;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Masks resident ID numbers and mobile numbers in every log line, whoever writes it (our code, the
 * engine echoing a variable, a library's exception message), as {@link PersonalDataMask} masks them
 * in answers: {@code 330304********1234}, {@code 138****0000}. Wired in {@code logback-spring.xml}
 * for the message ({@code %m}) and the stack trace ({@code %wEx}).
 */
public final class PersonalDataInLogs {

	/** 18-character resident ID numbers (and the old 15-digit ones), not inside a longer token. */
	private static final Pattern ID_NUMBER = Pattern
		.compile("(?<![0-9A-Za-z])(\\d{6})(\\d{8})(\\d{3}[0-9Xx])(?![0-9A-Za-z])|(?<![0-9A-Za-z])(\\d{6})(\\d{5})(\\d{4})(?![0-9A-Za-z])");

	/** Mainland mobile numbers, optionally with the country code. */
	private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])((?:\\+?86)?1[3-9]\\d)(\\d{4})(\\d{4})(?![0-9A-Za-z])");

	private PersonalDataInLogs() {
	}

	public static String mask(String text) {
		if (text == null || text.length() < 11) {
			return text;
		}
		return replace(MOBILE, replace(ID_NUMBER, text));
	}

	private static String replace(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		do {
			int first = matcher.group(1) != null ? 1 : 4;
			matcher.appendReplacement(masked, Matcher.quoteReplacement(matcher.group(first)
					+ "*".repeat(matcher.group(first + 1).length()) + matcher.group(first + 2)));
		}
		while (matcher.find());
		matcher.appendTail(masked);
		return masked.toString();
	}

	/** {@code %m}: the formatted message, masked. */
	public static final class Message extends MessageConverter {

		@Override
		public String convert(ILoggingEvent event) {
			return mask(super.convert(event));
		}

	}

	/** {@code %wEx}: Spring Boot's stack trace layout, masked (exception messages often echo input). */
	public static final class StackTrace extends ExtendedWhitespaceThrowableProxyConverter {

		@Override
		protected String throwableProxyToString(IThrowableProxy throwable) {
			return mask(super.throwableProxyToString(throwable));
		}

	}

}

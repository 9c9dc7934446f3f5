package cn.gov.ouhai.approval.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The QR code's SVG path, drawn back into pixels, reads as the case number. */
class NoticeQrCodeTests {

	private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z");

	@Test
	void readsBackAsTheCaseNumber() throws Exception {
		QrCode qr = QrCode.of("330304-20261127-000001");
		assertThat(qr.path()).matches("(M\\d+ \\d+h\\d+v1h-\\d+z)+");
		assertThat(decode(qr)).isEqualTo("330304-20261127-000001");
	}

	@Test
	void keepsAQuietZoneOfFourModules() {
		QrCode qr = QrCode.of("330304-20261127-000001");
		Matcher run = RUN.matcher(qr.path());
		int minX = Integer.MAX_VALUE;
		int maxX = 0;
		while (run.find()) {
			minX = Math.min(minX, Integer.parseInt(run.group(1)));
			maxX = Math.max(maxX, Integer.parseInt(run.group(1)) + Integer.parseInt(run.group(3)));
		}
		assertThat(minX).isEqualTo(4);
		assertThat(qr.size() - maxX).isEqualTo(4);
	}

	private static String decode(QrCode qr) throws Exception {
		int scale = 4;
		int side = qr.size() * scale;
		int[] pixels = new int[side * side];
		java.util.Arrays.fill(pixels, 0xFFFFFFFF);
		Matcher run = RUN.matcher(qr.path());
		while (run.find()) {
			int x0 = Integer.parseInt(run.group(1));
			int y = Integer.parseInt(run.group(2));
			int length = Integer.parseInt(run.group(3));
			for (int x = x0 * scale; x < (x0 + length) * scale; x++) {
				for (int dy = 0; dy < scale; dy++) {
					pixels[(y * scale + dy) * side + x] = 0xFF000000;
				}
			}
		}
		var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
		return new QRCodeReader().decode(bitmap).getText();
	}

}

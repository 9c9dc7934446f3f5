package cn.gov.ouhai.approval.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files of each kind, built byte by byte as scanners and office software write them. */
public final class SampleFiles {

	private SampleFiles() {
	}

	public static byte[] pdf(String text) {
		return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> "
				+ "endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] png() {
		return new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0,
				0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89, 0, 0, 0, 0, 'I', 'E', 'N', 'D',
				(byte) 0xAE, 0x42, 0x60, (byte) 0x82 };
	}

	public static byte[] jpeg() {
		return new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
				0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9 };
	}

	/** An OFD document: a ZIP container with OFD.xml at its root (GB/T 33190). */
	public static byte[] ofd() {
		return zip("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" "
				+ "Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
	}

	public static byte[] zip(String entry, String content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return bytes.toByteArray();
	}

	/** A PDF of exactly {@code size} bytes. */
	public static byte[] pdfOfSize(int size) {
		byte[] head = pdf("padding");
		byte[] content = new byte[size];
		System.arraycopy(head, 0, content, 0, Math.min(head.length, size));
		for (int i = head.length; i < size; i++) {
			content[i] = ' ';
		}
		return content;
	}

}

package cn.gov.ouhai.approval.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;

import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Tells what a file is from its bytes (Apache Tika's magic numbers), never from its name. OFD
 * (GB/T 33190, China's fixed-layout document) is a ZIP container with {@code OFD.xml} at its root,
 * which Tika's core does not know: the container is opened to tell it from any other ZIP.
 */
@Component
public class ContentTypes {

	public static final String OFD = "application/ofd";

	private static final Map<String, List<String>> OWN_EXTENSIONS = Map.of(OFD, List.of(".ofd"));

	private final Tika tika = new Tika();

	private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

	/** The media type of the content, e.g. {@code application/pdf}. */
	public String detect(Path file) throws IOException {
		String type;
		try (InputStream in = java.nio.file.Files.newInputStream(file)) {
			// no name in the metadata: only the content decides
			type = this.tika.getDetector().detect(new java.io.BufferedInputStream(in), new Metadata()).getBaseType()
				.toString();
		}
		if ("application/zip".equals(type) && isOfd(file)) {
			return OFD;
		}
		return type;
	}

	/** Whether a file name's extension, if it has one, is one of the type's. */
	public boolean nameFits(String fileName, String mediaType) {
		int dot = fileName.lastIndexOf('.');
		if (dot < 0 || dot == fileName.length() - 1) {
			return true;
		}
		String extension = fileName.substring(dot).toLowerCase(Locale.ROOT);
		return extensionsOf(mediaType).contains(extension);
	}

	/** A name people read, e.g. PDF or JPEG, for messages. */
	public static String label(String mediaType) {
		return switch (mediaType) {
			case "application/pdf" -> "PDF";
			case "image/jpeg" -> "JPEG";
			case "image/png" -> "PNG";
			case OFD -> "OFD";
			case "application/zip" -> "ZIP";
			case "application/octet-stream" -> "未知类型 unknown";
			default -> mediaType;
		};
	}

	private List<String> extensionsOf(String mediaType) {
		List<String> own = OWN_EXTENSIONS.get(mediaType);
		if (own != null) {
			return own;
		}
		try {
			return this.types.forName(mediaType).getExtensions();
		}
		catch (MimeTypeException e) {
			return List.of();
		}
	}

	private static boolean isOfd(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return zip.getEntry("OFD.xml") != null;
		}
		catch (IOException notAZip) {
			return false;
		}
	}

}

package cn.gov.ouhai.approval.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import cn.gov.ouhai.approval.files.IncomingFile;

/** The parts of a multipart request to the case API: one JSON part, every other part a material's file. */
final class MultipartFiles {

	private MultipartFiles() {
	}

	/** A text part, sent as a form field or as a file (curl {@code -F 'application=@a.json'}). */
	static String text(MultipartHttpServletRequest request, String part) {
		String field = request.getParameter(part);
		if (field != null) {
			return field;
		}
		MultipartFile file = request.getFile(part);
		if (file == null) {
			return null;
		}
		try {
			return new String(file.getBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every file part but the JSON one, each for the material its part is named after. */
	static List<IncomingFile> files(MultipartHttpServletRequest request, String jsonPart) {
		List<IncomingFile> files = new ArrayList<>();
		request.getMultiFileMap().forEach((name, parts) -> {
			if (!name.equals(jsonPart)) {
				parts.forEach(part -> files.add(new IncomingFile(name, part.getOriginalFilename(), part::getInputStream)));
			}
		});
		return files;
	}

}

package cn.gov.ouhai.approval.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.gov.ouhai.approval.web.ApiException;

/**
 * Checks the files of a request before anything of it is stored: each names a material of the
 * matter, is not empty, not larger than a file may be, of a type the matter accepts (read from the
 * content) and named as what it is; together with what the case holds already they stay within the
 * case's limit. Every problem of every file is reported in one answer, naming the file; a request with
 * any bad file stores nothing.
 */
@Service
public class Uploads {

	private final FileStore store;

	private final ContentTypes types;

	private final FileRules rules;

	private final CaseFileMapper mapper;

	Uploads(FileStore store, ContentTypes types, FileRules rules, CaseFileMapper mapper) {
		this.store = store;
		this.types = types;
		this.rules = rules;
		this.mapper = mapper;
	}

	/** Stages and checks the files for a matter's materials; {@code caseNo} is null at intake. */
	public StagedUpload stage(String matterCode, Set<String> materialCodes, List<IncomingFile> files, String caseNo) {
		if (files.isEmpty()) {
			return StagedUpload.none();
		}
		List<String> allowed = allowedTypes(matterCode);
		Map<String, String> problems = new LinkedHashMap<>();
		List<HttpStatus> kinds = new ArrayList<>();
		List<StagedUpload.StagedFile> staged = new ArrayList<>();
		long maxFile = this.rules.maxFileSize().toBytes();
		for (int i = 0; i < files.size(); i++) {
			IncomingFile file = files.get(i);
			String name = cleanName(file.fileName());
			String key = "files." + file.materialCode() + "[" + name + "]";
			if (!materialCodes.contains(file.materialCode())) {
				problems.put(key, "「" + name + "」所属材料 " + file.materialCode() + " 不是本事项的材料 / " + name
						+ ": not a material of this matter: " + file.materialCode());
				kinds.add(HttpStatus.BAD_REQUEST);
				continue;
			}
			StagedContent content;
			try (InputStream in = file.content().open()) {
				content = this.store.stage(in, maxFile);
			}
			catch (FileStore.ContentTooLarge tooLarge) {
				problems.put(key, "「" + name + "」超过单个文件上限 " + megabytes(maxFile) + " / " + name
						+ " is larger than the limit of " + megabytes(maxFile) + " per file");
				kinds.add(HttpStatus.PAYLOAD_TOO_LARGE);
				continue;
			}
			catch (IOException e) {
				staged.forEach(s -> this.store.discard(s.content()));
				throw new UncheckedIOException("cannot stage " + name, e);
			}
			String problem = null;
			HttpStatus kind = null;
			String detected = null;
			if (content.size() == 0) {
				problem = "「" + name + "」是空文件 / " + name + " is empty";
				kind = HttpStatus.BAD_REQUEST;
			}
			else {
				detected = detect(content);
				if (!allowed.contains(detected)) {
					problem = "「" + name + "」是 " + ContentTypes.label(detected) + "，本事项只收 " + labels(allowed) + " / "
							+ name + " is " + ContentTypes.label(detected) + "; this matter accepts "
							+ String.join(", ", allowed.stream().map(ContentTypes::label).toList());
					kind = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
				}
				else if (!this.types.nameFits(name, detected)) {
					problem = "「" + name + "」的内容是 " + ContentTypes.label(detected) + "，与文件名不符 / " + name
							+ " holds " + ContentTypes.label(detected) + ", not what its name says";
					kind = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
				}
			}
			if (problem != null) {
				this.store.discard(content);
				problems.put(key, problem);
				kinds.add(kind);
			}
			else {
				staged.add(new StagedUpload.StagedFile(file.materialCode(), name, detected, content));
			}
		}
		StagedUpload upload = new StagedUpload(this.store, staged);
		long maxCase = this.rules.maxCaseSize().toBytes();
		long stored = caseNo == null ? 0 : this.mapper.storedBytes(caseNo);
		if (problems.isEmpty() && stored + upload.totalBytes() > maxCase) {
			problems.put("files", "本件材料合计超过上限 " + megabytes(maxCase) + " / the case's files together exceed "
					+ megabytes(maxCase));
			kinds.add(HttpStatus.PAYLOAD_TOO_LARGE);
		}
		if (!problems.isEmpty()) {
			upload.close();
			HttpStatus status = kinds.stream().distinct().count() == 1 ? kinds.get(0) : HttpStatus.BAD_REQUEST;
			throw new ApiException(status, "FILES_REJECTED",
					"材料文件有误，本次请求未保存任何内容 / Files refused; nothing of this request was stored", problems);
		}
		return upload;
	}

	/** The types a matter accepts: its own list, or the configured default. */
	public List<String> allowedTypes(String matterCode) {
		List<String> own = this.mapper.typesOf(matterCode);
		return own.isEmpty() ? this.rules.defaultTypes() : own;
	}

	private String detect(StagedContent content) {
		try {
			return this.types.detect(content.path());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Keeps the last path segment only, without control characters, at most 200 characters. */
	static String cleanName(String name) {
		String cleaned = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
		if (cleaned.length() > 200) {
			int dot = cleaned.lastIndexOf('.');
			String extension = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
			cleaned = cleaned.substring(0, 200 - extension.length()) + extension;
		}
		return cleaned.isEmpty() ? "file" : cleaned;
	}

	private static String labels(List<String> types) {
		return String.join("、", types.stream().map(ContentTypes::label).toList());
	}

	private static String megabytes(long bytes) {
		return (bytes / (1024 * 1024)) + " MB";
	}

}

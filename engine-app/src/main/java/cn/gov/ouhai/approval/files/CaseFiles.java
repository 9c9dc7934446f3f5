package cn.gov.ouhai.approval.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.ouhai.approval.clock.EngineClock;

/** The files of cases: recorded with the material they back, read with every download recorded. */
@Service
public class CaseFiles {

	private static final Logger log = LoggerFactory.getLogger(CaseFiles.class);

	private final CaseFileMapper mapper;

	private final FileStore store;

	CaseFiles(CaseFileMapper mapper, FileStore store) {
		this.mapper = mapper;
		this.store = store;
	}

	/**
	 * Makes staged files the case's, in the caller's transaction: the rows first, then the content
	 * moves into place. Should the transaction fail afterwards, the content is unreferenced and
	 * retention removes it; a row never points to content that is not there.
	 */
	@Transactional
	public List<CaseFile> attach(String caseNo, StagedUpload upload, String who) {
		List<CaseFile> attached = new ArrayList<>();
		for (StagedUpload.StagedFile file : upload.files()) {
			CaseFile row = new CaseFile(UUID.randomUUID().toString(), caseNo, file.materialCode(), file.fileName(),
					file.mediaType(), file.content().size(), file.content().sha256(), who, EngineClock.now(), null);
			this.mapper.insert(row);
			try {
				this.store.keep(file.content());
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot keep " + file.fileName() + " of case " + caseNo, e);
			}
			upload.kept(file);
			attached.add(row);
		}
		if (!attached.isEmpty()) {
			log.info("case {}: {} file(s), {} bytes, by {}", caseNo, attached.size(), upload.totalBytes(), who);
		}
		return attached;
	}

	public List<CaseFile> of(String caseNo) {
		return this.mapper.ofCase(caseNo);
	}

	public Optional<CaseFile> find(String caseNo, String fileId) {
		return Optional.ofNullable(this.mapper.find(caseNo, fileId));
	}

	/** Opens a file for a reader and records who read which file of which case, and when. */
	@Transactional
	public InputStream download(CaseFile file, String who) throws IOException {
		InputStream content = this.store.open(file.sha256());
		this.mapper.recordDownload(file.id(), file.caseNo(), who, EngineClock.now());
		log.info("case {}: file {} ({}) read by {}", file.caseNo(), file.id(), file.materialCode(), who);
		return content;
	}

}

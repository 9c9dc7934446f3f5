package cn.gov.ouhai.approval.files;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.clock.EngineClock;

/**
 * Removes files when, and only when, nothing needs them: the files of a case go once the engine's
 * history cleanup has removed the case's process (so they live exactly as long as its history), and
 * content goes once no case refers to it (two cases may share one content). Content written by a
 * request that then failed is unreferenced too; it goes after a grace period, which also covers a
 * request that is recording the same content at this moment.
 */
@Component
public class FileRetention {

	private static final Logger log = LoggerFactory.getLogger(FileRetention.class);

	private final CaseFileMapper mapper;

	private final FileStore store;

	private final FileRules rules;

	FileRetention(CaseFileMapper mapper, FileStore store, FileRules rules) {
		this.mapper = mapper;
		this.store = store;
		this.rules = rules;
	}

	/** Runs after the engine's history cleanup window (01:00–05:00). */
	@Scheduled(cron = "${app.materials.retention-cron:0 30 5 * * *}", zone = "Asia/Shanghai")
	public void sweep() {
		sweep(Instant.now().minus(this.rules.orphanGrace()));
	}

	/** Removes what nothing needs; unreferenced content only if last kept before {@code keptBefore}. */
	public Result sweep(Instant keptBefore) {
		int released = this.mapper.releaseFilesOfRemovedCases(EngineClock.now());
		int deleted = 0;
		int staged;
		try {
			List<FileStore.StoredContent> candidates;
			try (Stream<FileStore.StoredContent> all = this.store.list()) {
				candidates = all.filter(c -> c.keptAt().isBefore(keptBefore)).toList();
			}
			for (FileStore.StoredContent content : candidates) {
				if (!this.mapper.referenced(content.sha256())) {
					this.store.delete(content.sha256());
					deleted++;
				}
			}
			staged = this.store.clearStaging(keptBefore);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException("file retention could not read the store", e);
		}
		log.info("file retention: {} file(s) of removed cases released, {} unreferenced content(s) deleted, "
				+ "{} abandoned upload(s) cleared", released, deleted, staged);
		return new Result(released, deleted, staged);
	}

	public record Result(int filesReleased, int contentsDeleted, int stagedCleared) {
	}

}

package cn.gov.ouhai.approval.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checked files of one request, staged but not yet the case's. Closing it removes whatever was
 * not kept, so a request that fails after the check leaves nothing behind.
 */
public final class StagedUpload implements AutoCloseable {

	private final FileStore store;

	private final List<StagedFile> files;

	private final List<StagedFile> kept = new ArrayList<>();

	StagedUpload(FileStore store, List<StagedFile> files) {
		this.store = store;
		this.files = List.copyOf(files);
	}

	/** No files: paper originals only. */
	public static StagedUpload none() {
		return new StagedUpload(null, List.of());
	}

	public List<StagedFile> files() {
		return this.files;
	}

	/** The materials these files back. */
	public Set<String> materialCodes() {
		Set<String> codes = new LinkedHashSet<>();
		this.files.forEach(f -> codes.add(f.materialCode()));
		return codes;
	}

	public long totalBytes() {
		return this.files.stream().mapToLong(f -> f.content().size()).sum();
	}

	void kept(StagedFile file) {
		this.kept.add(file);
	}

	@Override
	public void close() {
		for (StagedFile file : this.files) {
			if (!this.kept.contains(file)) {
				this.store.discard(file.content());
			}
		}
	}

	public record StagedFile(String materialCode, String fileName, String mediaType, StagedContent content) {
	}

}

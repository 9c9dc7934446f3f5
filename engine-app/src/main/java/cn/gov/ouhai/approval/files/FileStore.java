package cn.gov.ouhai.approval.files;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where the content of files lives, addressed by its SHA-256. Content is first staged (written to a
 * temporary place while hashed), then kept (moved into place in one step), so a crash never leaves
 * half a file under a name a case can point to.
 */
public interface FileStore {

	/**
	 * Writes the stream to a temporary place, hashing it on the way.
	 * @throws ContentTooLarge after {@code maxBytes}, with nothing left behind
	 */
	StagedContent stage(InputStream content, long maxBytes) throws IOException;

	/** Moves staged content into its place, or marks it recent when the same content is there already. */
	void keep(StagedContent staged) throws IOException;

	/** Forgets staged content that was not kept. */
	void discard(StagedContent staged);

	InputStream open(String sha256) throws IOException;

	boolean contains(String sha256);

	void delete(String sha256) throws IOException;

	/** Removes staged content older than the instant (left by a crash mid-request); answers how many. */
	int clearStaging(Instant before) throws IOException;

	/** Every kept content with the time it was last kept, for retention. */
	Stream<StoredContent> list() throws IOException;

	record StoredContent(String sha256, Instant keptAt) {
	}

	/** Thrown when content is larger than allowed; the staged part is already removed. */
	class ContentTooLarge extends IOException {

		public ContentTooLarge(long maxBytes) {
			super("content larger than " + maxBytes + " bytes");
		}

	}

}

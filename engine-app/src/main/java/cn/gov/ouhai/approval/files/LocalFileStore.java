package cn.gov.ouhai.approval.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content-addressed files on the local disk: {@code <dir>/ab/cd/<sha256>}, staged under
 * {@code <dir>/tmp} on the same file system so that keeping is one atomic rename. Content is
 * forced to disk before it gets its name.
 */
class LocalFileStore implements FileStore {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final Path root;

	private final Path staging;

	LocalFileStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.staging = this.root.resolve("tmp");
		try {
			Files.createDirectories(this.staging);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot create the file store at " + this.root, e);
		}
	}

	Path root() {
		return this.root;
	}

	@Override
	public StagedContent stage(InputStream content, long maxBytes) throws IOException {
		Path temp = Files.createTempFile(this.staging, "upload-", ".part");
		MessageDigest sha256 = sha256();
		long size = 0;
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
				DigestOutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256)) {
			byte[] buffer = new byte[64 * 1024];
			int read;
			while ((read = content.read(buffer)) != -1) {
				size += read;
				if (size > maxBytes) {
					throw new ContentTooLarge(maxBytes);
				}
				out.write(buffer, 0, read);
			}
			out.flush();
			channel.force(true);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(temp);
			throw e;
		}
		return new StagedContent(temp, HexFormat.of().formatHex(sha256.digest()), size);
	}

	@Override
	public void keep(StagedContent staged) throws IOException {
		Path target = pathOf(staged.sha256());
		Files.createDirectories(target.getParent());
		if (Files.exists(target)) {
			// the same content is kept already: mark it recent so that retention's grace covers it
			Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
			Files.deleteIfExists(staged.path());
			return;
		}
		try {
			Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException sameContentAtOnce) {
			Files.deleteIfExists(staged.path());
		}
		catch (AtomicMoveNotSupportedException e) {
			throw new IOException("the file store's staging area must be on the same file system as " + this.root, e);
		}
	}

	@Override
	public void discard(StagedContent staged) {
		try {
			Files.deleteIfExists(staged.path());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public InputStream open(String sha256) throws IOException {
		return Files.newInputStream(pathOf(sha256));
	}

	@Override
	public boolean contains(String sha256) {
		return Files.exists(pathOf(sha256));
	}

	@Override
	public void delete(String sha256) throws IOException {
		Files.deleteIfExists(pathOf(sha256));
	}

	@Override
	public int clearStaging(Instant before) throws IOException {
		int cleared = 0;
		try (Stream<Path> staged = Files.list(this.staging)) {
			for (Path part : staged.toList()) {
				if (Files.getLastModifiedTime(part).toInstant().isBefore(before) && Files.deleteIfExists(part)) {
					cleared++;
				}
			}
		}
		return cleared;
	}

	@Override
	public Stream<StoredContent> list() throws IOException {
		return Files.walk(this.root, 3)
			.filter(p -> !p.startsWith(this.staging) && SHA256.matcher(p.getFileName().toString()).matches())
			.map(p -> {
				try {
					return new StoredContent(p.getFileName().toString(), Files.getLastModifiedTime(p).toInstant());
				}
				catch (IOException gone) {
					return null;
				}
			})
			.filter(c -> c != null);
	}

	Path pathOf(String sha256) {
		if (!SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		return this.root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}

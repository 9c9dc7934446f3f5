package cn.gov.ouhai.approval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Api.Part;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.PlatformTest;
import cn.gov.ouhai.approval.files.FileRules;

/**
 * Upload throughput: a material's file sent to {@code POST /api/cases/{no}/supplements} over real HTTP
 * (multipart parsing, staging with SHA-256 and fsync, Tika detection, the atomic move, the rows),
 * against copying the same bytes from one file to another on the same disk, with and without fsync.
 * Every upload has fresh random content, so none is deduplicated. Run by {@code scripts/bench} only.
 */
@Tag("bench")
@PlatformTest
@TestPropertySource(properties = { "app.materials.max-file-size=64MB", "app.materials.max-case-size=1000GB" })
class UploadThroughputBenchmark {

	private static final int MB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	FileRules rules;

	@Test
	void uploadsAgainstAPlainCopy() throws IOException {
		int rounds = Integer.getInteger("bench.upload.rounds", 15);
		Api api = new Api(this.port);
		String caseNo = api.post("clerk", "/api/cases", Applicants.foodLicence("bench-upload-" + UUID.randomUUID()))
			.json()
			.get("caseNo")
			.asText();
		Path disk = this.rules.directory().toAbsolutePath().getParent().resolve("copy-baseline");
		Files.createDirectories(disk);
		StringBuilder report = new StringBuilder("=== Upload throughput, H2 (in-memory), ")
			.append(LocalDateTime.now().withNano(0))
			.append(" ===\nstore: ")
			.append(this.rules.directory().toAbsolutePath())
			.append("\nrounds per size: ")
			.append(rounds)
			.append(" (after 3 warm-up uploads); MB/s = MiB per second, medians\n");
		Random random = new Random(42);
		for (int size : new int[] { MB, 20 * MB }) {
			for (int i = 0; i < 3; i++) {
				upload(api, caseNo, randomPdf(random, size));
			}
			List<Double> upload = new ArrayList<>();
			List<Double> copy = new ArrayList<>();
			List<Double> copySynced = new ArrayList<>();
			for (int i = 0; i < rounds; i++) {
				byte[] content = randomPdf(random, size);
				upload.add(mbPerSecond(size, upload(api, caseNo, content)));
				Path source = disk.resolve("source.pdf");
				Files.write(source, content);
				copy.add(mbPerSecond(size, copy(source, disk.resolve("copy.pdf"), false)));
				copySynced.add(mbPerSecond(size, copy(source, disk.resolve("copy-synced.pdf"), true)));
			}
			double up = BenchSupport.median(upload);
			double plain = BenchSupport.median(copy);
			double synced = BenchSupport.median(copySynced);
			report.append(String.format("%2d MB  upload through the API %7.1f MB/s | plain copy %7.1f MB/s | copy + fsync "
					+ "%7.1f MB/s | ratio upload/copy %.3f, upload/(copy + fsync) %.3f%n", size / MB, up, plain, synced,
					up / plain, up / synced));
		}
		BenchSupport.writeReport("upload.txt", report.toString());
	}

	private static long upload(Api api, String caseNo, byte[] content) {
		long start = System.nanoTime();
		Api.Response response = api.postMultipart("clerk", "/api/cases/" + caseNo + "/supplements",
				List.of(Part.file("M01", "扫描件.pdf", content)));
		long elapsed = System.nanoTime() - start;
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return elapsed;
	}

	private static long copy(Path source, Path target, boolean sync) throws IOException {
		long start = System.nanoTime();
		Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
		if (sync) {
			try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
		}
		return System.nanoTime() - start;
	}

	private static byte[] randomPdf(Random random, int size) {
		byte[] content = new byte[size];
		random.nextBytes(content);
		byte[] head = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		System.arraycopy(head, 0, content, 0, head.length);
		return content;
	}

	private static double mbPerSecond(int bytes, long nanos) {
		return (bytes / (double) MB) / (nanos / 1e9);
	}

}

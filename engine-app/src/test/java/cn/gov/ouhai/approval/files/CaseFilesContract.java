package cn.gov.ouhai.approval.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Api.Part;
import cn.gov.ouhai.approval.Applicants;

/**
 * Materials as files over real HTTP: intake and supplements with files, each kind of bad file
 * refused with nothing of the request stored, who may read them (every read recorded), a failed
 * transaction leaving no dangling reference, and retention following the engine's history cleanup.
 * Test limits (application-test.yml): 2 MB per file, 5 MB per case. Subclasses pick the database.
 */
abstract class CaseFilesContract {

	static final List<String> FOOD = List.of("M01", "M02", "M03", "M04", "M05");

	static final List<String> PERMIT = List.of("M01", "M02", "M03", "M04");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FileRetention retention;

	@Autowired
	FileRules rules;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void intakeWithFilesStoresThemAndTheOwningDepartmentReadsThem() throws IOException {
		byte[] application = SampleFiles.pdf("申请书 " + UUID.randomUUID());
		byte[] photo = SampleFiles.jpeg();
		List<Part> parts = new ArrayList<>(List.of(Part.json("application", withoutPaper(Applicants.foodLicence(id()))),
				Part.file("M01", "申请书.pdf", application), Part.file("M02", "营业执照.jpg", photo),
				Part.file("M03", "布局图.png", SampleFiles.png()), Part.file("M03", "操作流程.ofd", SampleFiles.ofd()),
				Part.file("M04", "管理制度.pdf", SampleFiles.pdf("制度")), Part.file("M05", "名单.pdf", SampleFiles.pdf("名单"))));
		Api.Response created = this.api.postMultipart("clerk", "/api/cases", parts);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("status").asText()).isEqualTo("ACCEPTED");
		String caseNo = created.json().get("caseNo").asText();

		JsonNode materials = this.api.get("approver-scjg", "/api/cases/" + caseNo + "/materials").json();
		assertThat(materials.findValuesAsText("code")).containsExactlyElementsOf(FOOD);
		assertThat(materials.findValues("provided")).allMatch(JsonNode::asBoolean);
		JsonNode m03 = materials.get(2).get("files");
		assertThat(m03.findValuesAsText("mediaType")).containsExactly("image/png", "application/ofd");
		assertThat(materials.get(0).get("files").get(0).get("size").asLong()).isEqualTo(application.length);
		assertThat(materials.get(0).has("originalSeenBy")).isFalse();
		// the case view links the same files
		JsonNode detail = this.api.get("clerk", "/api/cases/" + caseNo).json();
		String href = detail.get("materials").get(0).get("files").get(0).get("href").asText();
		assertThat(href).startsWith("/api/cases/" + caseNo + "/files/");

		Api.BinaryResponse download = this.api.getBytes("approver-scjg", href);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(application);
		assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(download.header("Content-Disposition")).startsWith("inline");
		String fileId = href.substring(href.lastIndexOf('/') + 1);
		assertThat(this.jdbc.queryForList("SELECT downloaded_by FROM file_download WHERE file_id = ?", String.class,
				fileId)).containsExactly("approver-scjg");
		// the store holds the content under its SHA-256, and process variables hold no file at all
		assertThat(this.jdbc.queryForObject("SELECT sha256 FROM case_file WHERE id = ?", String.class, fileId))
			.isEqualTo(sha256(application));
		String pid = this.jdbc.queryForObject("SELECT process_instance_id FROM service_case WHERE case_no = ?",
				String.class, caseNo);
		assertThat(this.runtime.getVariables(pid).keySet()).noneMatch(k -> k.toLowerCase().contains("file"));

		// the window and supervisors read them; another department and the administrator do not
		assertThat(this.api.getBytes("clerk", href).status()).isEqualTo(200);
		assertThat(this.api.getBytes("supervisor", href).status()).isEqualTo(200);
		Api.BinaryResponse other = this.api.getBytes("approver-wjj", href);
		assertThat(other.status()).isEqualTo(403);
		assertThat(new String(other.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("承办部门");
		assertThat(this.api.get("approver-wjj", "/api/cases/" + caseNo + "/materials").status()).isEqualTo(403);
		assertThat(this.api.getBytes("admin", href).status()).isEqualTo(403);
		// the page each step's form links: the materials with their files, for the same readers
		Api.Response page = this.api.get("approver-scjg", "/cases/" + caseNo + "/materials");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("食品经营许可申请书", "申请书.pdf", href, "操作流程.ofd");
		assertThat(this.api.get("approver-wjj", "/cases/" + caseNo + "/materials").status()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM file_download WHERE file_id = ?", Integer.class,
				fileId)).isEqualTo(3);
	}

	@Test
	void aSupplementBringsTheOwedMaterialAsAFile() {
		Map<String, Object> body = Applicants.intake(id(), "ZRZY-GHXK-001", "OH-CENTRE", List.of(), PERMIT);
		body.put("applicant", Map.of("type", "ORG", "name", "温州市瓯海区某建设有限公司", "idNumber", "91330304MA2L8K5Q9Q"));
		body.put("commitment", true);
		Api.Response created = this.api.postMultipart("clerk", "/api/cases",
				List.of(Part.json("application", body), Part.file("M01", "申请表.pdf", SampleFiles.pdf("a")),
						Part.file("M02", "土地证明.ofd", SampleFiles.ofd()), Part.file("M03", "总平面图.pdf", SampleFiles.pdf("b"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("status").asText()).isEqualTo("ACCEPTED_WITH_DEFICIENCY");
		String caseNo = created.json().get("caseNo").asText();
		JsonNode owed = this.api.get("approver-zrzy", "/api/cases/" + caseNo + "/materials").json().get(3);
		assertThat(owed.get("provided").asBoolean()).isFalse();
		assertThat(owed.get("requested").asBoolean()).isTrue();

		Api.Response supplied = this.api.postMultipart("clerk", "/api/cases/" + caseNo + "/supplements",
				List.of(Part.file("M04", "施工图.pdf", SampleFiles.pdf("施工图"))));
		assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);
		assertThat(supplied.json().get("stillMissing")).isEmpty();
		JsonNode m04 = this.api.get("approver-zrzy", "/api/cases/" + caseNo + "/materials").json().get(3);
		assertThat(m04.get("provided").asBoolean()).isTrue();
		assertThat(m04.get("files").findValuesAsText("name")).containsExactly("施工图.pdf");
		assertThat(m04.get("files").get(0).get("uploadedBy").asText()).isEqualTo("clerk");
	}

	@Test
	void aPaperOriginalSeenAtTheWindowCountsWithWhoAndWhen() {
		String caseNo = this.api.post("clerk", "/api/cases", Applicants.foodLicence(id())).json().get("caseNo").asText();
		JsonNode m01 = this.api.get("approver-scjg", "/api/cases/" + caseNo + "/materials").json().get(0);
		assertThat(m01.get("provided").asBoolean()).isTrue();
		assertThat(m01.get("originalSeenBy").asText()).isEqualTo("clerk");
		assertThat(m01.get("originalSeenAt").asText()).isNotBlank();
		assertThat(m01.get("files")).isEmpty();
		// online there is no paper to see: the file is required
		Map<String, Object> online = Applicants.foodLicence(id());
		online.put("channel", "PC");
		Api.Response refused = this.api.post("clerk", "/api/cases", online);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("fields").get("materials[0].provided").asText()).contains("上传");
	}

	@Test
	void everyKindOfBadFileIsRefusedNamingItAndNothingOfTheRequestIsStored() throws IOException {
		int cases = count("service_case");
		int files = count("case_file");
		long contents = storedContents();

		assertRefused(415, "M02", "营业执照.pdf", SampleFiles.png(), "PNG", "与文件名不符");
		assertRefused(415, "M02", "压缩包.zip", SampleFiles.zip("a.txt", "x"), "ZIP", "只收");
		assertRefused(415, "M02", "说明.txt", "纯文本".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"text/plain", "只收");
		assertRefused(400, "M02", "空白.pdf", new byte[0], "空白.pdf", "空文件");
		assertRefused(413, "M02", "超大.pdf",
				SampleFiles.pdfOfSize((int) this.rules.maxFileSize().toBytes() + 1), "超大.pdf", "上限");
		assertRefused(400, "M99", "多余.pdf", SampleFiles.pdf("x"), "M99", "不是本事项的材料");

		// together over the case's limit (5 MB in tests), though each file is within its own
		int near = (int) this.rules.maxFileSize().toBytes() - 1024;
		Api.Response total = this.api.postMultipart("clerk", "/api/cases",
				List.of(Part.json("application", withoutPaper(Applicants.foodLicence(id()))),
						Part.file("M01", "a.pdf", SampleFiles.pdfOfSize(near)), Part.file("M02", "b.pdf", SampleFiles.pdfOfSize(near)),
						Part.file("M03", "c.pdf", SampleFiles.pdfOfSize(near))));
		assertThat(total.status()).as(total.toString()).isEqualTo(413);
		assertThat(total.json().get("fields").get("files").asText()).contains("合计超过上限");

		// a photo of drawings is not a drawing: the planning permit takes PDF and OFD only
		Map<String, Object> permit = Applicants.intake(id(), "ZRZY-GHXK-001", "OH-CENTRE", List.of(), PERMIT);
		Api.Response photo = this.api.postMultipart("clerk", "/api/cases",
				List.of(Part.json("application", permit), Part.file("M03", "总平面图.jpg", SampleFiles.jpeg())));
		assertThat(photo.status()).isEqualTo(415);
		assertThat(photo.json().get("fields").toString()).contains("总平面图.jpg", "JPEG", "this matter accepts OFD, PDF");

		assertThat(count("service_case")).isEqualTo(cases);
		assertThat(count("case_file")).isEqualTo(files);
		assertThat(storedContents()).isEqualTo(contents);
		assertThat(staged()).isZero();
	}

	@Test
	void aTransactionThatFailsAfterTheContentWasWrittenLeavesNoDanglingReference() throws IOException {
		// a matter whose process is not deployed: intake writes the case and the files, then fails to start it
		if (count("matter WHERE code = 'TEST-NOPROC-001'") == 0) {
			this.jdbc.update("INSERT INTO matter (code, name, department_code, kind, statutory_workdays, promised_workdays, "
					+ "commitment_allowed, process_key) VALUES ('TEST-NOPROC-001', '测试事项（流程未部署）', 'scjg', 'PROMISED', 20, 5, "
					+ "FALSE, 'Process_NotDeployed')");
			this.jdbc.update("INSERT INTO matter_material (matter_code, code, name, tolerable, sort_order) VALUES "
					+ "('TEST-NOPROC-001', 'M01', '申请书', FALSE, 1)");
			this.jdbc.update("INSERT INTO matter_station (matter_code, station_code, decides) VALUES "
					+ "('TEST-NOPROC-001', 'OH-CENTRE', TRUE)");
		}
		byte[] content = SampleFiles.pdf("written, never recorded " + UUID.randomUUID());
		String requestId = id();
		Map<String, Object> body = Applicants.intake(requestId, "TEST-NOPROC-001", "OH-CENTRE", List.of(), List.of("M01"));
		Api.Response failed = this.api.postMultipart("clerk", "/api/cases",
				List.of(Part.json("application", body), Part.file("M01", "申请书.pdf", content)));
		assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);

		assertThat(count("service_case WHERE request_id = '" + requestId + "'")).isZero();
		assertThat(count("case_file WHERE sha256 = '" + sha256(content) + "'")).isZero();
		// the content reached the store before the transaction failed: unreferenced, and retention removes it
		assertThat(contentStored(sha256(content))).isTrue();
		this.retention.sweep(Instant.now().plusSeconds(5));
		assertThat(contentStored(sha256(content))).isFalse();
	}

	@Test
	void filesGoWhenHistoryCleanupRemovesTheCaseNeverBeforeAndSharedContentStays() throws IOException {
		byte[] shared = SampleFiles.pdf("营业执照 shared " + UUID.randomUUID());
		byte[] own = SampleFiles.pdf("only the first case " + UUID.randomUUID());
		String first = intakeWith(Map.of("M01", own, "M02", shared));
		String second = intakeWith(Map.of("M02", shared));
		String firstProcess = this.jdbc.queryForObject(
				"SELECT process_instance_id FROM service_case WHERE case_no = ?", String.class, first);

		// the first case's process ends (withdrawn): its history, and so its files, stay
		String ownHref = hrefOf(first, 0);
		String sharedHref = hrefOf(second, 1);
		this.runtime.deleteProcessInstance(firstProcess, "撤回申请");
		this.retention.sweep(Instant.now().plusSeconds(5));
		assertThat(contentStored(sha256(own))).isTrue();
		assertThat(this.api.getBytes("approver-scjg", ownHref).status()).isEqualTo(200);

		// the engine's history cleanup removes it once its time to live has passed
		Date removal = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(firstProcess)
			.singleResult()
			.getRemovalTime();
		assertThat(removal).isNotNull();
		ClockUtil.setCurrentTime(new Date(removal.getTime() + 86_400_000L));
		Job cleanup = this.history.cleanUpHistoryAsync(true);
		this.management.executeJob(cleanup.getId());
		assertThat(this.history.createHistoricProcessInstanceQuery().processInstanceId(firstProcess).count()).isZero();
		ClockUtil.reset();

		FileRetention.Result swept = this.retention.sweep(Instant.now().plusSeconds(5));
		assertThat(swept.filesReleased()).isGreaterThanOrEqualTo(2);
		assertThat(contentStored(sha256(own))).isFalse();
		assertThat(contentStored(sha256(shared))).isTrue();
		Api.BinaryResponse gone = this.api.getBytes("approver-scjg", ownHref);
		assertThat(gone.status()).isEqualTo(410);
		assertThat(this.api.get("approver-scjg", "/api/cases/" + first + "/materials").json().get(0).get("files").get(0)
			.has("removedAt")).isTrue();
		Api.BinaryResponse kept = this.api.getBytes("approver-scjg", sharedHref);
		assertThat(kept.status()).isEqualTo(200);
		assertThat(kept.body()).isEqualTo(shared);
	}

	/** A good file and a bad one in one request: refused with the bad one named, the good one not kept either. */
	private void assertRefused(int status, String material, String name, byte[] content, String... said) {
		Api.Response response = this.api.postMultipart("clerk", "/api/cases",
				List.of(Part.json("application", withoutPaper(Applicants.foodLicence(id()))),
						Part.file("M01", "申请书.pdf", SampleFiles.pdf("good " + UUID.randomUUID())),
						Part.file(material, name, content)));
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.json().get("error").asText()).isEqualTo("FILES_REJECTED");
		assertThat(response.json().get("fields").toString()).contains(name).contains(said);
	}

	private String intakeWith(Map<String, byte[]> files) {
		List<Part> parts = new ArrayList<>();
		parts.add(Part.json("application", Applicants.foodLicence(id())));
		files.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(e -> parts.add(Part.file(e.getKey(), e.getKey() + ".pdf", e.getValue())));
		Api.Response created = this.api.postMultipart("clerk", "/api/cases", parts);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("caseNo").asText();
	}

	private String hrefOf(String caseNo, int material) {
		return this.api.get("approver-scjg", "/api/cases/" + caseNo + "/materials")
			.json()
			.get(material)
			.get("files")
			.get(0)
			.get("href")
			.asText();
	}

	/** The application without paper originals: every material must come as a file. */
	private static Map<String, Object> withoutPaper(Map<String, Object> body) {
		List<Map<String, Object>> none = new ArrayList<>();
		for (String code : FOOD) {
			none.add(Map.of("code", code, "provided", false));
		}
		body.put("materials", none);
		return body;
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	private Path root() {
		return this.rules.directory().toAbsolutePath();
	}

	private long storedContents() throws IOException {
		try (Stream<Path> all = Files.walk(root())) {
			return all.filter(Files::isRegularFile).filter(p -> !p.getParent().endsWith("tmp")).count();
		}
	}

	private long staged() throws IOException {
		try (Stream<Path> all = Files.list(root().resolve("tmp"))) {
			return all.count();
		}
	}

	private boolean contentStored(String sha256) {
		return Files.exists(root().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256));
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String id() {
		return "files-" + UUID.randomUUID();
	}

}

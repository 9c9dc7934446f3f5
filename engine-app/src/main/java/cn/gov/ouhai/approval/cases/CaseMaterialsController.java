package cn.gov.ouhai.approval.cases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.ouhai.approval.cases.CaseViews.MaterialView;
import cn.gov.ouhai.approval.catalog.Catalog;
import cn.gov.ouhai.approval.catalog.Matter;
import cn.gov.ouhai.approval.files.CaseFile;
import cn.gov.ouhai.approval.files.CaseFiles;
import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.web.ApiException;

/** The materials of a case and their files, for the approver deciding it. */
@RestController
@RequestMapping("/api/cases/{caseNo}")
class CaseMaterialsController {

	private final Cases cases;

	private final Catalog catalog;

	private final CaseMaterials materials;

	private final CaseFiles files;

	CaseMaterialsController(Cases cases, Catalog catalog, CaseMaterials materials, CaseFiles files) {
		this.cases = cases;
		this.catalog = catalog;
		this.materials = materials;
		this.files = files;
	}

	@GetMapping("/materials")
	List<MaterialView> materials(Authentication auth, @PathVariable String caseNo) {
		CaseRecord record = caseOf(caseNo);
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		CaseMaterials.mayRead(CurrentUser.of(auth), matter);
		return this.materials.of(record, matter);
	}

	/** The file itself: images and PDFs open in the browser, other types are saved. Every read is recorded. */
	@GetMapping("/files/{fileId}")
	ResponseEntity<InputStreamResource> file(Authentication auth, @PathVariable String caseNo,
			@PathVariable String fileId, HttpServletResponse response) throws IOException {
		CaseRecord record = caseOf(caseNo);
		Matter matter = this.catalog.matter(record.matterCode()).orElseThrow();
		CurrentUser user = CurrentUser.of(auth);
		CaseMaterials.mayRead(user, matter);
		CaseFile file = this.files.find(caseNo, fileId)
			.orElseThrow(() -> ApiException.notFound("FILE_NOT_FOUND", "该办件没有这个文件 / No such file in this case: " + fileId));
		if (file.removedAt() != null) {
			throw new ApiException(HttpStatus.GONE, "FILE_REMOVED",
					"该文件已随办件历史按保存期限删除 / The file was removed with the case's history");
		}
		InputStream content;
		try {
			content = this.files.download(file, user.id());
		}
		catch (NoSuchFileException lost) {
			throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "FILE_CONTENT_MISSING",
					"文件内容缺失，请联系管理员 / The file's content is missing from the store");
		}
		// the platform forces UTF-8 on its (text) answers; a PDF or an image has no charset
		response.setCharacterEncoding((String) null);
		ContentDisposition disposition = (file.opensInBrowser() ? ContentDisposition.inline()
				: ContentDisposition.attachment()).filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.contentLength(file.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(new InputStreamResource(content));
	}

	private CaseRecord caseOf(String caseNo) {
		return this.cases.find(caseNo)
			.orElseThrow(() -> ApiException.notFound("CASE_NOT_FOUND", "没有这个办件 / No such case: " + caseNo));
	}

}

package cn.gov.ouhai.approval.workbench;

import java.io.IOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import cn.gov.ouhai.approval.web.ApiException;

/**
 * The single page of the workbench for each of its addresses, so that a deep link or a reload of
 * {@code /workbench/tasks/{id}} opens the app there; its scripts and styles are the static files
 * under {@code /workbench/assets/} (hashed names, cached for a year).
 */
@Controller
class WorkbenchPages {

	static final String INDEX = "static/workbench/index.html";

	@GetMapping({ "/workbench", "/workbench/", "/workbench/login", "/workbench/done", "/workbench/handled", "/workbench/copies",
			"/workbench/consultations", "/workbench/head",
			"/workbench/tasks/{taskId}" })
	ResponseEntity<Resource> page() throws IOException {
		Resource index = new ClassPathResource(INDEX);
		if (!index.exists()) {
			// the jar was built without the front-end (mvn -Dskip.npm on a clean tree)
			throw ApiException.notFound("WORKBENCH_NOT_BUILT",
					"审批工作台未构建：请不带 -Dskip.npm 重新执行 mvn package / The workbench was not built: run mvn package without -Dskip.npm");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.body(index);
	}

}

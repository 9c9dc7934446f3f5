package cn.gov.ouhai.approval.files;

import java.time.Instant;

/** A file backing one material of one case. */
public record CaseFile(String id, String caseNo, String materialCode, String fileName, String mediaType,
		long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt, Instant removedAt) {

	/** Images and PDFs open in the browser; anything else is saved. */
	public boolean opensInBrowser() {
		return this.mediaType.startsWith("image/") || "application/pdf".equals(this.mediaType);
	}

}

package cn.gov.ouhai.approval.files;

import java.nio.file.Path;

/** Content written to a temporary file of the store, with its hash and size, not yet kept. */
public record StagedContent(Path path, String sha256, long size) {
}

package cn.gov.ouhai.approval.files;

import java.io.IOException;
import java.io.InputStream;

/** A file as it arrives with a request, for the material named by its part. */
public record IncomingFile(String materialCode, String fileName, Content content) {

	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;

	}

}

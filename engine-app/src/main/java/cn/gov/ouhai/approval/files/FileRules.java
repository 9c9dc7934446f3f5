package cn.gov.ouhai.approval.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the platform accepts as a material's file ({@code app.materials.*}, docs/configuration.md):
 * limits per file and per case, the types a matter accepts unless it lists its own, where the store
 * is, and how long unreferenced content waits before retention removes it.
 */
@ConfigurationProperties("app.materials")
public record FileRules(@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("100MB") DataSize maxCaseSize,
		@DefaultValue({ "application/pdf", "image/jpeg", "image/png", "application/ofd" }) List<String> defaultTypes,
		Path directory, @DefaultValue("P1D") Duration orphanGrace) {
}

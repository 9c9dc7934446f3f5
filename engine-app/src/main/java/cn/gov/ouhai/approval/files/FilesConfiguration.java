package cn.gov.ouhai.approval.files;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The default store: content-addressed files under {@code app.materials.directory} (DATA_DIR/files); retention on its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FileRules.class)
@EnableScheduling
class FilesConfiguration {

	@Bean
	@ConditionalOnMissingBean(FileStore.class)
	FileStore localFileStore(FileRules rules, @Value("${app.data-dir}") Path dataDir) {
		return new LocalFileStore(rules.directory() != null ? rules.directory() : dataDir.resolve("files"));
	}

}

package cn.gov.ouhai.approval.database;

import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's MyBatis (not the engine's, which builds its own configuration). */
@Configuration(proxyBeanMethods = false)
class MyBatisSetup {

	@Bean
	ConfigurationCustomizer rowObjectFactory() {
		return configuration -> configuration.setObjectFactory(new RowObjectFactory());
	}

}

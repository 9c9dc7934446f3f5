package cn.gov.ouhai.approval;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 行政服务中心审批平台: Camunda 7 engine, REST API and the platform's own modules. */
@SpringBootApplication
public class ApprovalPlatformApplication {

	public static void main(String[] args) {
		SpringApplication.run(ApprovalPlatformApplication.class, args);
	}

}

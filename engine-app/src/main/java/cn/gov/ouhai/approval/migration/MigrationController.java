package cn.gov.ouhai.approval.migration;

import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.gov.ouhai.approval.security.CurrentUser;
import cn.gov.ouhai.approval.security.Groups;
import cn.gov.ouhai.approval.web.ApiException;

/** {@code POST /api/migrations}: analysts move running cases to a new process version (or plan it). */
@RestController
class MigrationController {

	private final CaseMigrations migrations;

	MigrationController(CaseMigrations migrations) {
		this.migrations = migrations;
	}

	@PostMapping("/api/migrations")
	MigrationReport migrate(Authentication auth, @Valid @RequestBody MigrationRequest request) {
		CurrentUser user = CurrentUser.of(auth);
		if (!user.in(Groups.ANALYST) && !user.admin()) {
			throw ApiException.forbidden("只有业务分析人员和管理员可以迁移流程版本 / Only analysts and administrators migrate cases");
		}
		return this.migrations.migrate(request, user.id());
	}

}

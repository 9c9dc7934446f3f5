package cn.gov.ouhai.approval.security;

import static org.assertj.core.api.Assertions.assertThat;


import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.PlatformTest;

/** The two holes of Camunda 7.24 that no community release will fix, closed (CAMUNDA-NOTES.md). */
@PlatformTest
class KnownEngineHolesTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void refusesExpressionsInTaskOrQueriesBeforeTheEngineSeesThem() {
		// CVE-2026-109432: the engine would evaluate this for any logged-in user
		String attack = "{\"orQueries\":[{\"assigneeExpression\":\"${execution.getProcessEngineServices()}\"}]}";
		Api.Response task = this.api.post("clerk", "/engine-rest/task", attack);
		assertThat(task.status()).isEqualTo(400);
		assertThat(task.json().get("message").asText()).contains("orQueries");
		assertThat(this.api.post("clerk", "/engine-rest/task/count", attack).status()).isEqualTo(400);
		// nested in a value rather than a *Expression field, and through a filter's extending query
		String nested = "{\"orQueries\":[{\"candidateGroups\":[\"#{'a'.concat('b')}\"]}]}";
		assertThat(this.api.post("clerk", "/engine-rest/task", nested).status()).isEqualTo(400);
		String filterId = this.api.get("clerk", "/engine-rest/filter?resourceType=Task").json().get(0).get("id").asText();
		assertThat(this.api.post("clerk", "/engine-rest/filter/" + filterId + "/list", attack).status()).isEqualTo(400);
	}

	@Test
	void stillAnswersOrQueriesWithoutExpressions() {
		this.api.post("clerk", "/api/cases", Applicants.foodLicence("holes-" + System.nanoTime()));
		Api.Response plain = this.api.post("approver-scjg", "/engine-rest/task",
				"{\"orQueries\":[{\"candidateGroups\":[\"dept-scjg\"],\"assignee\":\"nobody\"}]}");
		assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
		assertThat(plain.json().size()).isPositive();
	}

	@Test
	void refusesAnonymousAdministratorSetup() {
		// CVE-2026-77226: the Admin webapp's first-run setup
		String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"a\",\"lastName\":\"b\",\"email\":\"i@x.invalid\"},"
				+ "\"credentials\":{\"password\":\"intruder-password-1\"}}";
		Api.Response setup = this.api.post(null, "/camunda/api/admin/setup/default/user/create", body);
		assertThat(setup.status()).isIn(401, 403);
		// even a logged-in non-admin cannot use it
		assertThat(this.api.post("clerk", "/camunda/api/admin/setup/default/user/create", body).status()).isIn(401,
				403);
		assertThat(this.identity.createUserQuery().userId("intruder").count()).isZero();
	}

	@Test
	void challengesForBasicCredentialsOnlyOnTheApis() {
		// the webapps' login page probes this path first; a Basic challenge would block its login form
		Api.Response welcome = this.api.get(null, "/camunda-welcome");
		assertThat(welcome.status()).isEqualTo(401);
		assertThat(welcome.headers()).doesNotContainKey("www-authenticate");
		assertThat(this.api.get(null, "/api/matters").headers()).containsKey("www-authenticate");
	}

	@Test
	void keepsADirectMemberInTheAdministratorGroup() {
		assertThat(this.identity.createUserQuery().memberOfGroup(Groups.ADMIN).list()).extracting("id")
			.contains("admin");
	}

	@Test
	void letsAnalystsDeployFromTheModelerAndNobodyElse() throws Exception {
		String bpmn = Deployments.smallestDiagram("Process_DeploymentCheck", "部署权限检查");
		assertThat(Deployments.create(this.port, "analyst", bpmn).statusCode()).isEqualTo(200);
		assertThat(Deployments.create(this.port, "clerk", bpmn).statusCode()).isEqualTo(403);
		assertThat(Deployments.create(this.port, "approver-scjg", bpmn).statusCode()).isEqualTo(403);
		assertThat(Deployments.create(this.port, null, bpmn).statusCode()).isEqualTo(401);
	}

	@Test
	void runsEngineRestCallsAsTheAuthenticatedUser() {
		this.api.post("clerk", "/api/cases", Applicants.foodLicence("holes-" + System.nanoTime()));
		// a department sees its own tasks through the engine's authorizations and not another's
		assertThat(this.api.get("approver-scjg", "/engine-rest/task").json().size()).isPositive();
		assertThat(this.api.get("approver-wjj", "/engine-rest/task").json().findValuesAsText("name"))
			.doesNotContain("审查申请材料");
	}

}

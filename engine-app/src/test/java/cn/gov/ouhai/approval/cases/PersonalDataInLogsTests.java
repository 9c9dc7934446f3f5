package cn.gov.ouhai.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.gov.ouhai.approval.Api;
import cn.gov.ouhai.approval.Applicants;
import cn.gov.ouhai.approval.CaseSteps;
import cn.gov.ouhai.approval.PlatformTest;

/**
 * ID numbers and phones never reach the log in full: through a case's life (intake, a step, a
 * supplement), refused input that carries them, the engine's own errors, and whatever a line of
 * code or an exception message writes (masked on the way out, {@code logback-spring.xml}).
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsTests {

	static final String ID_NUMBER = Applicants.PERSON_ID;

	static final String PHONE = "13700002222";

	static final String ORG_PHONE = "13700001111";

	@LocalServerPort
	int port;

	Api api;

	CaseSteps steps;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.steps = new CaseSteps(this.api);
	}

	@Test
	void aCaseFromIntakeToSupplementLeavesNoIdNumberOrPhoneInTheLog(CapturedOutput log) {
		// a person's registration, decided at the window: intake and a completed step
		Map<String, Object> person = Applicants.personIntake("logs-" + System.nanoTime(), "SCJG-GTDJ-001", "OH-CENTRE",
				List.of("M01", "M02", "M03", "M04"), List.of("M01", "M02", "M03", "M04"));
		person.put("applicant", Map.of("type", "PERSON", "name", "王五", "idNumber", ID_NUMBER, "phone", PHONE));
		String registration = this.steps.accept(person);
		this.steps.complete("clerk", registration, "APPROVE");

		// a food licence asked for a supplement, which the window then takes
		Map<String, Object> org = Applicants.foodLicence("logs-" + System.nanoTime());
		org.put("applicant", Map.of("type", "ORG", "name", "温州市瓯海区好味餐饮店", "idNumber", Applicants.COMPANY_CODE,
				"phone", ORG_PHONE));
		String licence = this.steps.accept(org);
		String task = this.steps.task("approver-scjg", licence).get("id").asText();
		assertThat(this.api.post("approver-scjg", "/api/tasks/" + task + "/request-supplement",
				Map.of("materials", List.of("M03"), "workdays", 5)).status()).isEqualTo(204);
		assertThat(this.api.post("clerk", "/api/cases/" + licence + "/supplements", Map.of("materials", List.of("M03")))
			.status()).isEqualTo(200);

		// refused input that carries them: a bad check digit, a phone too long, wrong types, a start
		// form in Tasklist whose intake fails inside the engine (logged by the engine's REST layer)
		Map<String, Object> wrong = new LinkedHashMap<>(person);
		wrong.put("requestId", "logs-wrong-" + System.nanoTime());
		wrong.put("applicant", Map.of("type", "PERSON", "name", "王五", "idNumber", "330304199003071235", "phone",
				PHONE + "9"));
		assertThat(this.api.post("clerk", "/api/cases", wrong).status()).isEqualTo(400);
		wrong.put("applicant", Map.of("type", "PERSON", "name", "王五", "idNumber", List.of(ID_NUMBER), "phone",
				Long.parseLong(PHONE)));
		assertThat(this.api.post("clerk", "/api/cases", wrong).status()).isEqualTo(400);
		Api.Response startForm = this.api.post("clerk",
				"/engine-rest/process-definition/key/Process_IndividualBusinessRegistration/start",
				Map.of("variables", Map.of("applicantType", Map.of("value", "PERSON"), "pii_applicantName",
						Map.of("value", "王五"), "pii_idNumber", Map.of("value", ID_NUMBER), "pii_phone",
						Map.of("value", PHONE + "x"), "station", Map.of("value", "OH-CENTRE"))));
		assertThat(startForm.status()).isGreaterThanOrEqualTo(400);

		assertThat(log.getAll()).as("the log during a case's life")
			.contains("intake " + registration)
			.doesNotContain(ID_NUMBER, PHONE, ORG_PHONE, "330304199003071235", PHONE + "9");
	}

	@Test
	void whateverWritesThemTheLogMasksThem(CapturedOutput log) {
		// a careless line, and an exception whose message echoes input
		var logger = LoggerFactory.getLogger(Intake.class);
		logger.warn("applicant {} phone {} (+86{})", ID_NUMBER, PHONE, PHONE);
		logger.warn("intake failed", new IllegalArgumentException("bad applicant " + ID_NUMBER + "/" + PHONE));
		assertThat(log.getAll()).doesNotContain(ID_NUMBER, PHONE)
			.contains("applicant 330304********1234 phone 137****2222 (+86137****2222)")
			.contains("IllegalArgumentException: bad applicant 330304********1234/137****2222")
			// case numbers, ids and times stay as they are
			.contains("at cn.gov.ouhai.approval.cases.PersonalDataInLogsTests");
		assertThat(PersonalDataInLogs.mask("case 330304-20261127-000001 at 1764230400000, old id 330304900307123"))
			.isEqualTo("case 330304-20261127-000001 at 1764230400000, old id 330304*****7123");
	}

}

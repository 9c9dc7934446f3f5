package cn.gov.ouhai.approval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import cn.gov.ouhai.approval.sla.CalendarYearNotLoaded;

/** The advice's answer to failures the engine wrapped, and to failures nobody foresaw. */
class ApiExceptionHandlerTests {

	private final ApiExceptionHandler handler = new ApiExceptionHandler();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tasks/1/complete");

	@Test
	void answersTheInnerApiExceptionOfAnEngineFailureWithItsStatusAndCode() throws Exception {
		// as the engine reports a due-date expression that threw: ProcessEngineException ← ELException ← reflection
		Exception wrapped = new ProcessEngineException("Error while evaluating expression: ${sla.stepDue(execution)}",
				new ELException(new InvocationTargetException(new CalendarYearNotLoaded(2099))));

		ResponseEntity<ApiError> answer = this.handler.anyOther(wrapped, this.request);

		assertThat(answer.getStatusCode().value()).isEqualTo(422);
		assertThat(answer.getBody().error()).isEqualTo("CALENDAR_YEAR_NOT_LOADED");
		assertThat(answer.getBody().message()).contains("2099").contains(" / ");
	}

	@Test
	void answersAnUnforeseenFailureWith500AndTheErrorBodyWithoutItsInsides() throws Exception {
		ResponseEntity<ApiError> answer = this.handler
			.anyOther(new ProcessEngineException("secret detail", new IllegalStateException("inner")), this.request);

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getBody().error()).isEqualTo("INTERNAL_ERROR");
		assertThat(answer.getBody().message()).doesNotContain("secret").doesNotContain("inner").contains(" / ");
	}

}

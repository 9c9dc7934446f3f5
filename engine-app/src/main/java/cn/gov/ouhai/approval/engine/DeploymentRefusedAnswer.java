package cn.gov.ouhai.approval.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import cn.gov.ouhai.approval.web.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Answers a refused deployment on {@code /engine-rest} (the Camunda Modeler's deploy,
 * {@code scripts/deploy-models}) with 400 in the platform's error format: {@code error}
 * {@code DEPLOYMENT_REFUSED}, {@code message} listing every problem (the Modeler shows it), and
 * one entry per problem in {@code fields}, keyed {@code file: element: rule}.
 */
@Component
class DeploymentRefusedAnswer implements ResourceConfigCustomizer {

	@Override
	public void customize(org.glassfish.jersey.server.ResourceConfig config) {
		config.register(new Mapper());
	}

	static ApiError errorOf(DeploymentRefused refused) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (var problem : refused.problems()) {
			String key = problem.file() + ": " + problem.element() + ": " + problem.rule();
			String unique = key;
			for (int n = 2; fields.containsKey(unique); n++) {
				unique = key + " (" + n + ")";
			}
			fields.put(unique, problem.message());
		}
		return new ApiError("DEPLOYMENT_REFUSED", refused.getMessage(), fields);
	}

	static class Mapper implements ExceptionMapper<DeploymentRefused> {

		@Override
		public Response toResponse(DeploymentRefused refused) {
			return Response.status(Response.Status.BAD_REQUEST)
				.type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
				.entity(errorOf(refused))
				.build();
		}

	}

}

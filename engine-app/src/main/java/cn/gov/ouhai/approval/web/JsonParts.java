package cn.gov.ouhai.approval.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * Reads the JSON part of a multipart request (e.g. {@code application} beside the files) and checks
 * it as a JSON body would be checked, with the same error answers.
 */
@Component
public class JsonParts {

	private final ObjectMapper json;

	private final Validator validator;

	JsonParts(ObjectMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	public <T> T read(String part, String text, Class<T> type) {
		if (text == null || text.isBlank()) {
			throw ApiException.badRequest("MISSING_PART", "缺少名为 " + part + " 的 JSON 部分 / the multipart request needs a "
					+ "JSON part named " + part, Map.of(part, "必填 / required"));
		}
		T value;
		try {
			value = this.json.readValue(text, type);
		}
		catch (JsonProcessingException e) {
			throw ApiException.badRequest("MALFORMED_BODY", "「" + part + "」不是有效的 JSON 或字段类型不对 / part " + part
					+ " is not valid JSON for this call", Map.of(part, e.getOriginalMessage()));
		}
		Set<ConstraintViolation<T>> violations = this.validator.validate(value);
		if (!violations.isEmpty()) {
			Map<String, String> fields = new LinkedHashMap<>();
			violations.forEach(v -> fields.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
			throw ApiException.badRequest("VALIDATION_FAILED", "请求内容有误 / The request has invalid fields", fields);
		}
		return value;
	}

}

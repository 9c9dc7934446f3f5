package cn.gov.ouhai.approval.web;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The API reads JSON as written: a number is not a string ({@code "opinion": 0.5} is an error, not
 * "0.5"), a number is not a boolean or an enum ({@code "channel": 1} is not PC), a blank string is not a
 * missing boolean, number or enum, so that a client's
 * mistake is answered with 400 instead of being taken as something it did not mean.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictCoercion() {
		return builder -> builder.featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.postConfigurer(mapper -> {
				for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer,
						CoercionInputShape.Float, CoercionInputShape.Boolean }) {
					mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
				}
				mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
				mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
				mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
				mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
				// a blank string (even one of control characters, which Jackson trims away) is not a
				// missing yes/no, number or choice: "complex": "\u0001" must not read as null
				for (LogicalType type : new LogicalType[] { LogicalType.Boolean, LogicalType.Integer, LogicalType.Float,
						LogicalType.Enum }) {
					mapper.coercionConfigFor(type)
						.setAcceptBlankAsEmpty(false)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
				}
			});
	}

}

package cn.gov.ouhai.approval.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/**
 * Free text people type (opinions, comments, answers): line breaks and tabs, but no other control
 * characters, which no keyboard types and which would break the notices, the dashboard and the logs.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Pattern(regexp = "[\\P{Cntrl}\\r\\n\\t]*")
public @interface NoControlCharacters {

	@OverridesAttribute(constraint = Pattern.class, name = "message")
	String message() default "除换行和制表符外不能含控制字符 / no control characters but line breaks and tabs";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}

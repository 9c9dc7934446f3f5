package cn.gov.ouhai.approval.tasks;

import cn.gov.ouhai.approval.sla.SpecialProcedure;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/tasks/{id}/special-procedure}: which procedure, and its expected length. */
record SpecialProcedureRequest(
		@NotNull(message = "必填，取值 HEARING、INSPECTION、TESTING、EXPERT_REVIEW、SITE_CHECK / required") SpecialProcedure kind,
		@NotNull(message = "必填 / required") @Min(value = 1, message = "至少 1 个工作日 / at least 1 working day")
		@Max(value = 120, message = "最多 120 个工作日 / at most 120 working days") Integer maxWorkdays) {
}

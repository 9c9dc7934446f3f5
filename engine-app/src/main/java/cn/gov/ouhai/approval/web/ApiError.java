package cn.gov.ouhai.approval.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The error body every API answer uses (API.md). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, Map<String, String> fields) {
}

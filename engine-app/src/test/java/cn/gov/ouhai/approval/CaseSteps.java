package cn.gov.ouhai.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.ouhai.approval.files.SampleFiles;

/** Takes cases in and works their steps over HTTP, as the window and the departments would. */
public final class CaseSteps {

	private final Api api;

	public CaseSteps(Api api) {
		this.api = api;
	}

	/** Moves the engine clock (and so the platform's) to an instant. */
	public static void at(String instant) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
	}

	/**
	 * Intake by the clerk (or the portal or kiosk on its behalf); answers the case number. Online and
	 * kiosk applications carry their materials as files (a small PDF each), as they must.
	 */
	@SuppressWarnings("unchecked")
	public String accept(Map<String, Object> body) {
		Api.Response response;
		if ("WINDOW".equals(body.get("channel"))) {
			response = this.api.post("clerk", "/api/cases", body);
		}
		else {
			List<Api.Part> parts = new ArrayList<>();
			List<Map<String, Object>> none = new ArrayList<>();
			for (Map<String, Object> material : (List<Map<String, Object>>) body.get("materials")) {
				String code = (String) material.get("code");
				none.add(Map.of("code", code, "provided", false));
				if (Boolean.TRUE.equals(material.get("provided"))) {
					parts.add(Api.Part.file(code, code + ".pdf", SampleFiles.pdf("material " + code)));
				}
			}
			Map<String, Object> online = new java.util.LinkedHashMap<>(body);
			online.put("materials", none);
			parts.add(0, Api.Part.json("application", online));
			response = this.api.postMultipart("clerk", "/api/cases", parts);
		}
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("caseNo").asText();
	}

	/** A natural person's application with every material, through {@code channel} at {@code station}. */
	public String acceptPerson(String matter, String station, String channel, List<String> materials) {
		Map<String, Object> body = Applicants.personIntake("steps-" + System.nanoTime(), matter, station, materials,
				materials);
		body.put("channel", channel);
		return accept(body);
	}

	/** 食品经营许可 with every material at the district centre. */
	public String acceptFoodLicence(String channel) {
		Map<String, Object> body = Applicants.foodLicence("steps-" + System.nanoTime());
		body.put("channel", channel);
		return accept(body);
	}

	/** The open task of a case that {@code user} may work, from its task list. */
	public JsonNode task(String user, String caseNo) {
		for (JsonNode task : this.api.get(user, "/api/tasks").json()) {
			if (caseNo.equals(task.path("caseNo").asText())) {
				return task;
			}
		}
		throw new AssertionError("no open task of " + caseNo + " for " + user);
	}

	public void complete(String user, String caseNo, String decision) {
		Api.Response done = this.api.post(user, "/api/tasks/" + task(user, caseNo).get("id").asText() + "/complete",
				Map.of("decision", decision, "opinion", "同意"));
		assertThat(done.status()).as(done.toString()).isEqualTo(204);
	}

	public JsonNode caseDetail(String caseNo) {
		return this.api.get("supervisor", "/api/cases/" + caseNo).json();
	}

	/** The case's timeline lines of one kind, as "decision→actor" or the step name. */
	public List<JsonNode> timeline(String caseNo, String kind) {
		List<JsonNode> entries = new ArrayList<>();
		caseDetail(caseNo).get("timeline").forEach(e -> {
			if (kind.equals(e.get("kind").asText())) {
				entries.add(e);
			}
		});
		return entries;
	}

	public List<String> escalations(String caseNo) {
		return timeline(caseNo, "ESCALATION").stream()
			.map(e -> e.get("decision").asText() + "→" + e.get("actor").asText())
			.toList();
	}

}

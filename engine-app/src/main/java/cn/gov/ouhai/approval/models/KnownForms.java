package cn.gov.ouhai.approval.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda Forms a diagram's steps may refer to by id: the repository's {@code form-definitions/}
 * for validate-models; for a deployment, the forms deployed with it and (for a binding other than
 * {@code deployment}) those already deployed.
 */
public final class KnownForms {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, JsonNode> forms;

	private final Function<String, Optional<JsonNode>> elsewhere;

	private final String where;

	private KnownForms(Map<String, JsonNode> forms, Function<String, Optional<JsonNode>> elsewhere, String where) {
		this.forms = forms;
		this.elsewhere = elsewhere;
		this.where = where;
	}

	/** Every {@code *.form} in the directory (those that do not parse are left out: checkForm reports them). */
	public static KnownForms inDirectory(Path directory) throws IOException {
		Map<String, JsonNode> forms = new HashMap<>();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
				read(Files.readAllBytes(file)).ifPresent(form -> forms.put(form.path("id").asText(), form));
			}
		}
		return new KnownForms(forms, id -> Optional.empty(), "form-definitions/");
	}

	/** The forms of a deployment by id, then the forms {@code deployed} finds (the latest of an id). */
	static KnownForms ofDeployment(Map<String, JsonNode> forms, Function<String, Optional<JsonNode>> deployed) {
		return new KnownForms(forms, deployed, "此次部署或已部署的表单 / this deployment or the forms deployed before");
	}

	static Optional<JsonNode> read(byte[] json) {
		try {
			JsonNode form = JSON.readTree(json);
			return form != null && form.isObject() && form.path("id").isTextual() ? Optional.of(form) : Optional.empty();
		}
		catch (IOException unreadable) {
			return Optional.empty();
		}
	}

	/** The form {@code id}; with {@code binding deployment} only one that comes with the diagram. */
	Optional<JsonNode> find(String id, String binding) {
		JsonNode form = this.forms.get(id);
		if (form != null || "deployment".equals(binding)) {
			return Optional.ofNullable(form);
		}
		return this.elsewhere.apply(id);
	}

	/** Where the forms come from, for messages. */
	String where() {
		return this.where;
	}

}

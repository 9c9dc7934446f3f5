package cn.gov.ouhai.approval.engine;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment refused before anything of it is stored, with every problem found. A bad request
 * for the engine; {@code /engine-rest} answers it with 400 in the platform's error format
 * ({@link DeploymentRefusedAnswer}).
 */
public class DeploymentRefused extends BadUserRequestException {

	private final transient List<ModelProblem> problems;

	public DeploymentRefused(List<ModelProblem> problems) {
		super("部署被拒绝 / Deployment refused:\n"
				+ problems.stream().map(ModelProblem::toString).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<ModelProblem> problems() {
		return this.problems;
	}

}

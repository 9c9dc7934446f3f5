package cn.gov.ouhai.approval.engine;

/**
 * One thing wrong with a model: the file, the element id ({@code -} for the whole file), the rule
 * (a short name such as {@code decisions-routed}) and what is wrong, in Chinese and English.
 * {@code scripts/validate-models} prints it as {@link #toString()}; a refused deployment lists it.
 */
public record ModelProblem(String file, String element, String rule, String message) {

	@Override
	public String toString() {
		return this.file + ": " + this.element + ": " + this.message + " [" + this.rule + "]";
	}

}

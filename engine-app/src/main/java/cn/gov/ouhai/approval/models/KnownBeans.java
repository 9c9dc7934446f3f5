package cn.gov.ouhai.approval.models;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/** The beans an expression in a diagram can call ({@code ${sla.stepDue(execution)}}), by name. */
@FunctionalInterface
public interface KnownBeans {

	/** The type of the bean {@code name}, or {@code null} if there is none. */
	Class<?> typeOf(String name);

	/** The running application's beans: what the engine's expressions resolve. */
	static KnownBeans of(ListableBeanFactory beans) {
		return name -> beans.containsBean(name) ? beans.getType(name) : null;
	}

	/** The platform's components found as Spring would find them, without starting it (validate-models). */
	static KnownBeans scanned() {
		var scanner = new ClassPathScanningCandidateComponentProvider(true);
		var names = new AnnotationBeanNameGenerator();
		var registry = new SimpleBeanDefinitionRegistry();
		Map<String, Class<?>> beans = new HashMap<>();
		for (var candidate : scanner.findCandidateComponents("cn.gov.ouhai.approval")) {
			try {
				beans.put(names.generateBeanName(candidate, registry), Class.forName(candidate.getBeanClassName()));
			}
			catch (ClassNotFoundException e) {
				throw new IllegalStateException(e);
			}
		}
		return beans::get;
	}

}

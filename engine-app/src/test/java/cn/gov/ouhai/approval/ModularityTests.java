package cn.gov.ouhai.approval;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: no cycles, no reaching into another module's insides. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(ApprovalPlatformApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDiagram() {
		new Documenter(MODULES, "target/modulith-docs").writeModulesAsPlantUml();
	}

}

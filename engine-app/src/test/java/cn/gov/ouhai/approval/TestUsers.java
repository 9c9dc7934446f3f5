package cn.gov.ouhai.approval;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Staff the demo does not have, made for a test (password {@code demo}) once per engine. */
public final class TestUsers {

	private TestUsers() {
	}

	/** A user in {@code group}, created unless the engine already has one of that id. */
	public static void ensure(IdentityService identity, String id, String firstName, String lastName, String group) {
		if (identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = identity.newUser(id);
		user.setFirstName(firstName);
		user.setLastName(lastName);
		user.setPassword("demo");
		identity.saveUser(user);
		identity.createMembership(id, group);
	}

}

package cn.gov.ouhai.approval.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The authenticated user and the engine groups it belongs to. */
public record CurrentUser(String id, Set<String> groups) {

	public static CurrentUser of(Authentication authentication) {
		return new CurrentUser(authentication.getName(),
				authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.collect(Collectors.toUnmodifiableSet()));
	}

	public boolean in(String group) {
		return this.groups.contains(group);
	}

	public boolean admin() {
		return in(Groups.ADMIN);
	}

	/** Window clerks, supervisors and administrators see every department's cases. */
	public boolean seesAllDepartments() {
		return in(Groups.WINDOW) || in(Groups.SUPERVISOR) || admin();
	}

	/** The departments whose approver or head groups the user is in. */
	public List<String> departments() {
		return this.groups.stream()
			.filter(g -> g.startsWith("dept-") || g.startsWith("head-"))
			.map(g -> g.substring(5))
			.distinct()
			.sorted()
			.toList();
	}

}

package org.backstory.demo;

import java.util.List;

import org.backstory.members.MemberDirectory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Refuses a public start while any demo account still has the published demo password:
 * whoever read the README could sign in as the owner. It runs once every bean is ready
 * and before the web server opens its port, and only on public starts, since each check
 * is a deliberately slow password hash.
 */
@Component
class DemoPasswordGuard implements SmartInitializingSingleton {

	private final SiteExposure site;

	private final MemberDirectory members;

	DemoPasswordGuard(SiteExposure site, MemberDirectory members) {
		this.site = site;
		this.members = members;
	}

	@Override
	public void afterSingletonsInstantiated() {
		site.publicBecause().ifPresent(why -> {
			List<String> exposed = DemoAccount.ALL.stream()
				.map(DemoAccount::email)
				.filter(email -> members.passwordMatches(email, DemoSeeder.PASSWORD))
				.toList();
			if (!exposed.isEmpty()) {
				throw new DemoPasswordInPublicException(why, exposed);
			}
		});
	}

}

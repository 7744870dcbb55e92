package org.backstory.members;

import org.backstory.shared.BackstoryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie: HttpOnly, SameSite=Lax, and Secure whenever the site is served over
 * https.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

	static final String SESSION_COOKIE = "backstory_session";

	@Bean
	CookieSerializer cookieSerializer(BackstoryProperties properties) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(SESSION_COOKIE);
		serializer.setCookiePath("/");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setUseSecureCookie(properties.secure());
		return serializer;
	}

}

package org.backstory.site;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the site's cache headers for every request Spring MVC handles, and the check
 * of every request's parameters.
 */
@Configuration(proxyBeanMethods = false)
class SiteWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ReadingCacheHeaders());
	}

	/**
	 * Right after Spring Boot's character encoding filter (parameters are decoded as
	 * UTF-8) and before the session and security filters: a refused request reads no
	 * session and meets no other parameter reader.
	 */
	@Bean
	FilterRegistrationBean<MalformedParameterFilter> malformedParameterFilter() {
		FilterRegistrationBean<MalformedParameterFilter> registration = new FilterRegistrationBean<>(
				new MalformedParameterFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}

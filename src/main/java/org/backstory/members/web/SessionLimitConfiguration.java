package org.backstory.members.web;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Puts {@link StaffSessionLimit} right after Spring Session's filter, ahead of Spring
 * Security's.
 */
@Configuration(proxyBeanMethods = false)
class SessionLimitConfiguration {

	@Bean
	FilterRegistrationBean<StaffSessionLimit> staffSessionLimit(Clock clock) {
		FilterRegistrationBean<StaffSessionLimit> registration = new FilterRegistrationBean<>(
				new StaffSessionLimit(clock));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

}

package org.backstory.members;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adjustments to Spring Session's JDBC store that keep a signed-in page view to one
 * session query: the store Spring Boot configures is wrapped in a
 * {@link ThrottledSessionRepository} and stores the member's security context compactly
 * ({@link SessionAttributeCodec}), its reads skip the transaction
 * ({@link SessionReadsWithoutTransaction}), each request reads a session once
 * ({@link SessionReadMemo}), and responses are buffered up to
 * {@link #RESPONSE_BUFFER_BYTES} before anything is sent. Requests of one session may run
 * at once: adding an attribute is an upsert that tolerates a session deleted meanwhile
 * ({@link SessionAttributeUpsert}).
 * <p>
 * Why the buffer: Spring Session saves the session when the response is committed, and
 * again when the request ends; the second time it reads the session back from the
 * database. A page larger than the servlet container's default buffer (8 KB) commits
 * while it is being written, so each such page view cost a second session query. With a
 * larger buffer the response commits once, after the filter chain.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	static final int RESPONSE_BUFFER_BYTES = 64 * 1024;

	@Bean
	static BeanPostProcessor throttledSessionRepositoryPostProcessor() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository store) {
					store.setConversionService(new SessionAttributeCodec());
					return new ThrottledSessionRepository<>(store);
				}
				return bean;
			}

		};
	}

	/**
	 * Applied after Spring Boot's own customizer, which sets the table name (and with it
	 * every query).
	 */
	@Bean
	SessionAttributeUpsert sessionAttributeUpsert() {
		return new SessionAttributeUpsert();
	}

	/**
	 * Found by Spring Session under this name; not offered to anyone who asks for
	 * transactions by type.
	 */
	@Bean(name = "springSessionTransactionOperations", defaultCandidate = false)
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
		return new SessionReadsWithoutTransaction(new TransactionTemplate(transactions));
	}

	@Bean
	FilterRegistrationBean<ResponseBufferFilter> responseBufferFilter() {
		FilterRegistrationBean<ResponseBufferFilter> registration = new FilterRegistrationBean<>(
				new ResponseBufferFilter());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	/**
	 * Runs before Spring Session's filter: sets the response buffer before Spring Session
	 * wraps the response (it reads the size to decide when a response commits), and opens
	 * the request's {@link SessionReadMemo}.
	 */
	static final class ResponseBufferFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (response.getBufferSize() < RESPONSE_BUFFER_BYTES) {
				response.setBufferSize(RESPONSE_BUFFER_BYTES);
			}
			SessionReadMemo.open();
			try {
				chain.doFilter(request, response);
			}
			finally {
				SessionReadMemo.close();
			}
		}

	}

}

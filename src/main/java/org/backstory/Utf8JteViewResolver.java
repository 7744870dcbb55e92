package org.backstory;

import gg.jte.TemplateEngine;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.AbstractTemplateView;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Takes the jte starter's place (its resolver backs off when one exists) to hand out
 * {@link Utf8JteView}s.
 */
@Component
class Utf8JteViewResolver extends JteViewResolver {

	private final TemplateEngine templates;

	Utf8JteViewResolver(TemplateEngine templates, JteProperties properties) {
		super(templates, properties);
		this.templates = templates;
		setViewClass(Utf8JteView.class);
		// jte templates take typed parameters, never Spring's macro helpers, so don't
		// build them per page.
		setExposeSpringMacroHelpers(false);
	}

	/**
	 * Wide enough for the starter's constructor to set its own view class before this one
	 * replaces it.
	 */
	@Override
	protected Class<?> requiredViewClass() {
		return AbstractTemplateView.class;
	}

	@Override
	protected AbstractUrlBasedView instantiateView() {
		return new Utf8JteView(templates);
	}

}

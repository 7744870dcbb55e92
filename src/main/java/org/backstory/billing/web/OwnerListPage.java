package org.backstory.billing.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.billing.PlanCatalog;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The skeleton the owner's offers and coupons pages share: the rows above a form for a
 * new one, which on success sends the owner back to the list with a notice and otherwise
 * answers 422 with the page and what to correct.
 */
final class OwnerListPage {

	private OwnerListPage() {
	}

	/**
	 * Creates what the form described, if it was valid.
	 * @param valid the checked form's value, or null when it has errors
	 * @param errors the checked form's errors, by field
	 * @param created makes it; false when its code is taken
	 * @param taken the sentence for a code that is taken
	 * @param notice the sentence after it was made
	 * @param render the page again with errors, as the 422 answer
	 */
	static <T> Object create(String path, @Nullable T valid, Map<String, String> errors, Predicate<T> created,
			String taken, Function<T, String> notice, RedirectAttributes redirect, HttpServletResponse response,
			Function<Map<String, String>, String> render) {
		Map<String, String> shown = errors;
		if (valid != null) {
			try {
				if (created.test(valid)) {
					redirect.addFlashAttribute("notice", notice.apply(valid));
					return Responses.seeOther(path);
				}
				shown = Map.of("code", taken);
			}
			catch (IllegalArgumentException ex) {
				shown = Map.of("form", ex.getMessage());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return render.apply(shown);
	}

	/**
	 * Puts the list, the active plans' codes (the form's choices), the form and its
	 * errors on the page.
	 * @param rowsName the template's name for the rows, e.g. {@code coupons}
	 * @return the view
	 */
	static String render(Model model, CsrfToken csrfToken, String rowsName, List<?> rows, PlanCatalog plans,
			Object form, Map<String, String> errors, String view) {
		model.addAttribute(rowsName, rows);
		model.addAttribute("planCodes", plans.activePlans().stream().map(plan -> plan.code()).toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return view;
	}

}

package org.backstory;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every GET and POST route of the running application, read from Spring MVC's handler
 * mapping, with the request parameters each handler declares: {@code @RequestParam}s,
 * simple arguments bound by name, and the fields of the application's own form objects.
 * Routes added later are found the same way, so tests built on this list cover them
 * without being told.
 */
final class HandlerRoutes {

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	/**
	 * A path variable in a pattern: {@code {id}}, {@code {slug:[a-z-]+}},
	 * {@code {*rest}}, or one whose regex has braces of its own, such as
	 * {@code {colour:[0-9a-f]{6}}}.
	 */
	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::(?:[^{}]|\\{[^{}]*})*)?}");

	private HandlerRoutes() {
	}

	/**
	 * One method and path pattern a handler answers.
	 *
	 * @param method GET or POST
	 * @param pattern the path pattern, such as {@code /admin/articles/{id}}
	 * @param parameters the request parameters the handler reads, by name
	 */
	record Route(String method, PathPattern pattern, List<String> parameters) {

		List<String> pathVariables() {
			return VARIABLE.matcher(pattern.getPatternString()).results().map(variable -> variable.group(1)).toList();
		}

		/**
		 * A path the pattern matches: each variable replaced by its (percent-encoded)
		 * value, or by {@code 1}.
		 */
		String expand(Map<String, String> values) {
			return VARIABLE.matcher(pattern.getPatternString())
				.replaceAll(variable -> Matcher.quoteReplacement(values.getOrDefault(variable.group(1), "1")));
		}

		@Override
		public String toString() {
			return method + " " + pattern.getPatternString();
		}

	}

	static List<Route> of(RequestMappingHandlerMapping mapping) {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
			List<String> parameters = parameters(entry.getValue());
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : List.of(RequestMethod.GET, RequestMethod.POST)) {
					if (declared.isEmpty() || declared.contains(method)) {
						routes.add(
								new Route(method.name(), PathPatternParser.defaultInstance.parse(pattern), parameters));
					}
				}
			}
		}
		routes.sort(Comparator.comparing(Route::toString));
		return routes;
	}

	/**
	 * The request parameters a handler reads: each {@code @RequestParam} by its name,
	 * each argument Spring MVC binds without an annotation (a simple value by the
	 * argument's name, a form object of the application's own by its fields), and the
	 * fields of a {@code @ModelAttribute}. Path variables, the signed-in member, headers,
	 * cookies, bodies and a map of all parameters name nothing to send.
	 */
	private static List<String> parameters(HandlerMethod handler) {
		String[] names = NAMES.getParameterNames(handler.getMethod());
		Set<String> parameters = new LinkedHashSet<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			String name = names == null ? "" : names[parameter.getParameterIndex()];
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			boolean implicit = Arrays.stream(parameter.getParameterAnnotations())
				.noneMatch(
						annotation -> annotation.annotationType().getPackageName().startsWith("org.springframework"));
			if (Map.class.isAssignableFrom(type)) {
				continue;
			}
			if (requestParam != null) {
				parameters.add(requestParam.name().isEmpty() ? name : requestParam.name());
			}
			else if (implicit && boundByName(type)) {
				parameters.add(name);
			}
			else if ((implicit || parameter.hasParameterAnnotation(ModelAttribute.class))
					&& type.getPackageName().startsWith("org.backstory")) {
				parameters.addAll(fields(type));
			}
		}
		parameters.remove("");
		return List.copyOf(parameters);
	}

	/** What Spring MVC binds from a request parameter of the argument's own name. */
	private static boolean boundByName(Class<?> type) {
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
		return boxed == String.class || Number.class.isAssignableFrom(boxed) || boxed == Boolean.class || boxed.isEnum()
				|| Temporal.class.isAssignableFrom(boxed) || boxed == UUID.class;
	}

	/**
	 * The fields of a form object: a record's components, or a bean's writable
	 * properties.
	 */
	private static List<String> fields(Class<?> form) {
		if (form.isRecord()) {
			return Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName).toList();
		}
		return Arrays.stream(BeanUtils.getPropertyDescriptors(form))
			.filter(property -> property.getWriteMethod() != null)
			.map(PropertyDescriptor::getName)
			.toList();
	}

}

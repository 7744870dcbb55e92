package org.backstory.media.web;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.media.MediaFiles;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves the image copies at {@code /media/<yyyy>/<mm>/<name>-<width>.<jpg|png>} to
 * everyone (images are not paywalled), cached for a year as immutable: a copy's name
 * never points at other bytes. Only names of that shape are served, so the originals
 * (kept with their metadata) never are.
 */
@Configuration(proxyBeanMethods = false)
class PublicMediaConfiguration implements WebMvcConfigurer {

	private static final Pattern COPY = Pattern.compile("[0-9]{4}/[0-9]{2}/[0-9a-f]{16}-[0-9]{1,5}\\.(jpg|png)");

	private final MediaFiles files;

	PublicMediaConfiguration(MediaFiles files) {
		this.files = files;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/media/**")
			.addResourceLocations(new FileSystemResource(files.root().toString() + "/"))
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(false)
			.addResolver(new CopiesOnly());
	}

	/** Resolves only the copies' names; anything else under /media is not found. */
	private static final class CopiesOnly extends PathResourceResolver {

		@Override
		protected @Nullable Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return COPY.matcher(requestPath).matches()
					? super.resolveResourceInternal(request, requestPath, locations, chain) : null;
		}

	}

}

package org.backstory.members;

/**
 * Tells sign-up whether an article id a sign-up link carried names a real article,
 * implemented by a module that knows articles so that members depends on none. Without an
 * implementation, no sign-up is attributed to an article.
 */
public interface KnownArticles {

	/**
	 * Whether a reader can have been on the article with this id (it exists and is not a
	 * draft).
	 */
	boolean exists(long articleId);

}

/**
 * Publishing's staff pages: tags and storylines management under {@code /admin/tags} and
 * {@code /admin/storylines} (editors and up, by the URL table).
 */
@NullMarked
package org.backstory.publishing.web;

import org.jspecify.annotations.NullMarked;

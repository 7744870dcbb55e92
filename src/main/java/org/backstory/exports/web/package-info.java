/** The export page and its downloads. */
@NullMarked
package org.backstory.exports.web;

import org.jspecify.annotations.NullMarked;

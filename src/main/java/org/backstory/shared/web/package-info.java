/** Web types shared by every module's pages. */
@NullMarked
package org.backstory.shared.web;

import org.jspecify.annotations.NullMarked;

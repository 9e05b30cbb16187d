/** The shared JSON mapper and the stored JSON form of a document. */
package org.parallax.core.json;

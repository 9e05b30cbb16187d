/**
 * The {@code parallax} command line (picocli): {@code analyze}, {@code export}, {@code report}.
 * Exit codes: 0 ok, 1 some documents failed, 2 bad usage.
 */
package org.parallax.app.cli;

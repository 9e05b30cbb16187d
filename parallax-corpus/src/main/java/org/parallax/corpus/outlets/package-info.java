/**
 * Outlet profiles: per outlet, its articles, languages, dates, top entities and how it casts each
 * of them (the words around their mentions), the speakers it quotes, the words that set it apart
 * from the rest of the corpus, and the public quality ratings of its domains.
 *
 * <p>Word contrast is the log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi
 * and Quinn (2008, "Fightin' Words"), which ranks words by how surely they are over-used rather
 * than by raw frequency, so rare words from small outlets do not swamp the list. The ratings are
 * Lin et al. (2023) and CRED-1, shipped as data in this package's resources (see NOTICE).
 */
package org.parallax.corpus.outlets;

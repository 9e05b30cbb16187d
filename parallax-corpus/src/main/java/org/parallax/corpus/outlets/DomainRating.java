package org.parallax.corpus.outlets;

/**
 * The public quality ratings of one domain an outlet publishes on; absent ratings are null.
 *
 * @param domain the host seen in the outlet's URLs, without "www."
 * @param status {@code rated} when either list rates the domain (or a parent of it), else {@code
 *     unrated}; unrated means unknown, not trustworthy
 * @param linDomain the entry of Lin et al. (2023) that matched: the longest suffix of {@code
 *     domain} that the list has (news.bbc.co.uk matches bbc.co.uk)
 * @param linPc1 its quality score, 0 (lowest) to 1 (highest)
 * @param cred1Domain the entry of CRED-1 that matched, by the same rule
 * @param cred1Category its category: fake, conspiracy, unreliable, rumor, satire, mixed or reliable
 *     (CRED-1 lists mostly domains with known credibility problems)
 * @param cred1Score its composite credibility score, 0 to 1
 */
public record DomainRating(
    String domain,
    String status,
    String linDomain,
    Double linPc1,
    String cred1Domain,
    String cred1Category,
    Double cred1Score) {

  static final String RATED = "rated";
  static final String UNRATED = "unrated";
}

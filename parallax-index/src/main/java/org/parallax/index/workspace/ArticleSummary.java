package org.parallax.index.workspace;

/**
 * The index's short record of a stored article, read without parsing the stored document.
 *
 * @param id the document id, for {@link Workspace#get}
 * @param inputId the id of the input it came from
 * @param url its address, or null
 * @param outlet the outlet that published it, or null
 * @param title its title, or null
 * @param published its publication date as given (ISO 8601), or null when absent or unreadable
 * @param language the document's language code, or null
 */
public record ArticleSummary(
    String id,
    String inputId,
    String url,
    String outlet,
    String title,
    String published,
    String language) {}

package org.parallax.corpus.names;

/**
 * A canonical name as one document uses it, the input to {@link NameResolver}.
 *
 * @param documentId the document that names it
 * @param type the entity type, e.g. {@code PERSON} or {@code ORGANIZATION}
 * @param name the document's own canonical form of the name
 * @param count how many mentions in the document carry this name
 */
public record NameUse(String documentId, String type, String name, int count) {

  public NameUse {
    if (documentId == null || type == null || name == null) {
      throw new IllegalArgumentException("a name use needs a document id, a type and a name");
    }
    if (count < 0) {
      throw new IllegalArgumentException("negative mention count for '" + name + "': " + count);
    }
  }

  /** The type and name, without the document. */
  public TypedName typedName() {
    return new TypedName(type, name);
  }
}

package org.parallax.core.pipeline;

import java.util.Set;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;

/**
 * One analysis step over one document. Pure: returns a new document with the produced layers.
 *
 * <p>Implementations must be thread-safe: the local executor calls one instance from all cores.
 */
public interface Annotator {

  /** A short name, used in failure reports and configuration, e.g. {@code entities}. */
  String name();

  /** Layers this annotator reads; a {@link Pipeline} checks them when it is built. */
  Set<Layer<?>> requires();

  /** Layers this annotator adds. */
  Set<Layer<?>> produces();

  /** Returns {@code document} with the produced layers added. */
  Document annotate(Document document);
}

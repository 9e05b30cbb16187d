package org.parallax.core.model;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.List;
import java.util.Objects;

/**
 * A typed key for one kind of analysis attached to a {@link Document}.
 *
 * <p>Layers are declared next to the annotator that produces them, as constants. Two layers are
 * equal when their names are equal; the name is also the key in the stored JSON form.
 *
 * @param <T> the type of the layer's value
 */
public final class Layer<T> {

  private final String name;
  private final JavaType type;

  private Layer(String name, JavaType type) {
    if (!name.matches("[a-z][a-zA-Z0-9]*")) {
      throw new IllegalArgumentException("layer names are lowerCamelCase: " + name);
    }
    this.name = name;
    this.type = type;
  }

  /** A layer holding one value of {@code type}. */
  public static <T> Layer<T> of(String name, Class<T> type) {
    return new Layer<>(name, TypeFactory.defaultInstance().constructType(type));
  }

  /** A layer holding an ordered list of {@code element} values. */
  public static <E> Layer<List<E>> listOf(String name, Class<E> element) {
    return new Layer<>(
        name, TypeFactory.defaultInstance().constructCollectionType(List.class, element));
  }

  public String name() {
    return name;
  }

  /** The Jackson type used to read this layer back from stored JSON. */
  public JavaType javaType() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Layer<?> other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name);
  }

  @Override
  public String toString() {
    return name;
  }
}

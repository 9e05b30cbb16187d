package org.parallax.core.pipeline;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of an annotator's string options; unknown keys are an error, named in the message.
 *
 * <p>A factory reads every key it knows, then calls {@link #checkAllRead()}.
 */
public final class Options {

  private final String owner;
  private final Map<String, String> values;
  private final Set<String> read = new HashSet<>();

  private Options(String owner, Map<String, String> values) {
    this.owner = owner;
    this.values = Map.copyOf(values);
  }

  public static Options of(String owner, Map<String, String> values) {
    return new Options(owner, values);
  }

  public String string(String key, String defaultValue) {
    read.add(key);
    return values.getOrDefault(key, defaultValue);
  }

  public boolean bool(String key, boolean defaultValue) {
    String value = string(key, null);
    if (value == null) {
      return defaultValue;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new ConfigException(owner + "." + key + " must be true or false, not '" + value + "'");
  }

  public int integer(String key, int defaultValue) {
    String value = string(key, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(owner + "." + key + " must be a whole number, not '" + value + "'");
    }
  }

  public double decimal(String key, double defaultValue) {
    String value = string(key, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(owner + "." + key + " must be a number, not '" + value + "'");
    }
  }

  /** Fails with the names of any keys no read asked for. */
  public void checkAllRead() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          "unknown option(s) for '" + owner + "': " + unknown + "; known: " + new TreeSet<>(read));
    }
  }
}

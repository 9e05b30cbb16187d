package org.parallax.ingest.source;

import java.util.Locale;

/** Byte counts as people read them: "52.3 MB", "20 MB", "812 bytes". */
final class ByteSize {

  private static final double MB = 1024.0 * 1024.0;
  private static final double KB = 1024.0;

  private ByteSize() {}

  static String describe(long bytes) {
    if (bytes >= MB) {
      return number(bytes / MB) + " MB";
    }
    if (bytes >= KB) {
      return number(bytes / KB) + " KB";
    }
    return bytes + " bytes";
  }

  /** The message for an input over the limit, e.g. "the page is 52.3 MB, over the 20 MB limit". */
  static String overLimit(String what, long size, long limit) {
    return what + " is " + describe(size) + ", over the " + describe(limit) + " limit";
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}

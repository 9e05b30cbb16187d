package org.parallax.app.cli;

/**
 * Switches off usage reporting of the libraries we embed, so Parallax opens no connection the user
 * did not ask for. The launcher sets the same properties and {@code ORT_DISABLE_TELEMETRY=1}.
 */
final class Privacy {

  private Privacy() {}

  static void enforce() {
    setIfAbsent("OPT_OUT_TRACKING", "true");
    setIfAbsent("ai.djl.offline", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}

package org.parallax.app;

import java.net.InetAddress;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import org.parallax.app.cli.Main;

/**
 * Runs the command line under a security manager that refuses and records every network connection
 * except to loopback; prints {@code CONNECTIONS: n} (when the command returns, or when the JVM is
 * stopped by a signal) and exits with 3 when any was attempted. Started in a child JVM by {@link
 * NoNetworkIT}.
 */
public final class NetworkGuard {

  private NetworkGuard() {}

  @SuppressWarnings("removal")
  public static void main(String[] args) {
    List<String> attempts = new ArrayList<>();
    System.setSecurityManager(
        new SecurityManager() {
          @Override
          public void checkConnect(String host, int port) {
            if (port != -1 && !isLoopback(host)) {
              attempts.add(host + ":" + port);
              throw new SecurityException("network connection to " + host + ":" + port);
            }
          }

          @Override
          public void checkConnect(String host, int port, Object context) {
            checkConnect(host, port);
          }

          @Override
          public void checkPermission(Permission perm) {
            // everything else is allowed
          }
        });
    // a command stopped by a signal (serve) reports from the shutdown
    Runtime.getRuntime().addShutdownHook(new Thread(() -> report(attempts)));
    int exit = Main.run(args);
    report(attempts);
    System.exit(attempts.isEmpty() ? exit : 3);
  }

  private static final java.util.concurrent.atomic.AtomicBoolean REPORTED =
      new java.util.concurrent.atomic.AtomicBoolean();

  private static void report(List<String> attempts) {
    if (REPORTED.compareAndSet(false, true)) {
      System.out.println("CONNECTIONS: " + attempts.size() + " " + attempts);
      System.out.flush();
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress();
    } catch (Exception e) {
      return false;
    }
  }
}

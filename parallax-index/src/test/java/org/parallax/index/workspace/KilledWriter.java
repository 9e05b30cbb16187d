package org.parallax.index.workspace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link WorkspaceTest}: stores articles, says "ready" and waits to be killed
 * without closing the workspace, like a run interrupted half-way.
 */
public final class KilledWriter {

  private KilledWriter() {}

  public static void main(String[] args) throws IOException {
    Workspace workspace = Workspace.open(Path.of(args[0]), Integer.parseInt(args[1]));
    int count = Integer.parseInt(args[2]);
    for (int i = 0; i < count; i++) {
      workspace.put(TestArticles.numbered(i));
    }
    System.out.println("ready");
    System.out.flush();
    // Wait for the kill; never close, so nothing after the last automatic commit is saved.
    while (System.in.read() >= 0) {
      // keep waiting
    }
    System.out.println("stdin closed before the kill");
  }
}

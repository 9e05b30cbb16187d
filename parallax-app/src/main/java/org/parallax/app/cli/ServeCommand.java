package org.parallax.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.parallax.app.server.ParallaxServer;
import org.parallax.index.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parallax serve}: the web UI and REST API on a workspace, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a workspace as a local web UI (the report's pages with a search of the articles)"
          + " and a REST API of JSON records (docs/SERVE.md), until stopped with Ctrl-C.",
      "It listens on 127.0.0.1 only unless --host says otherwise; stop it before running analyze"
          + " on the same workspace."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WorkspaceOption workspace;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens the"
              + " workspace to the network).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0: any free port).")
  int port;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535, not " + port);
    }
    Path dir = workspace.existing();
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    try (Workspace ws = Workspace.open(dir);
        ParallaxServer server = start(ws)) {
      PrintWriter out = spec.commandLine().getOut();
      String shown = host.contains(":") ? "[" + host + "]" : host;
      out.println("serving " + dir + " (" + ws.size() + " documents)");
      out.println("web UI:   http://" + shown + ":" + server.port() + "/");
      out.println("REST API: http://" + shown + ":" + server.port() + "/api");
      out.println("stop with Ctrl-C");
      out.flush();
      // Ctrl-C: let this thread stop the server and close the workspace before the JVM ends
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    stopped.countDown();
                    try {
                      closed.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  },
                  "parallax-serve-stop"));
      stopped.await();
    } finally {
      closed.countDown();
    }
    return ExitCodes.OK;
  }

  private ParallaxServer start(Workspace ws) {
    try {
      return ParallaxServer.start(ws, host, port);
    } catch (RuntimeException e) {
      throw new UsageException(
          "cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + rootMessage(e)
              + "); try another --port");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}

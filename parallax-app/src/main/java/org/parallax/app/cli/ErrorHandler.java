package org.parallax.app.cli;

import org.parallax.core.pipeline.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns configuration mistakes into a one-line message and exit code 2, not a stack trace. */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    if (e instanceof ConfigException || e instanceof UsageException) {
      cmd.getErr().println("parallax: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    cmd.getErr().println("parallax: " + e);
    e.printStackTrace(cmd.getErr());
    return ExitCodes.SOME_FAILED;
  }
}

package org.parallax.app.cli;

import picocli.CommandLine.Command;

/** The top-level {@code parallax} command; the work is in its subcommands. */
@Command(
    name = "parallax",
    mixinStandardHelpOptions = true,
    version = "parallax 0.1.0",
    description = "Explainable analysis of how news outlets cover a contested event.",
    subcommands = {
      AnalyzeCommand.class,
      ExportCommand.class,
      ReportCommand.class,
      ServeCommand.class,
      LoadCommand.class,
      org.parallax.app.eval.EvalCommand.class,
      org.parallax.app.persuasion.PredictCommand.class,
      org.parallax.app.persuasion.TrainCommand.class
    })
final class ParallaxCommand {}

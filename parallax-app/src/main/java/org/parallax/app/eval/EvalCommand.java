package org.parallax.app.eval;

import picocli.CommandLine.Command;

/** {@code parallax eval}: measures Parallax on labelled benchmark data; see its subcommands. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measures Parallax on labelled data with the published benchmarks' metrics.",
    subcommands = {
      ExtractionEvalCommand.class,
      org.parallax.app.persuasion.PtcEvalCommand.class,
      org.parallax.app.persuasion.SemEval2023EvalCommand.class
    })
public final class EvalCommand {}

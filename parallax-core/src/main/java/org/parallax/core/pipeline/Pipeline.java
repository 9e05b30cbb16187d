package org.parallax.core.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;

/**
 * Annotators run in order, with every requirement checked once, when the pipeline is built.
 *
 * <p>A pipeline is itself an annotator, so pipelines compose.
 */
public final class Pipeline implements Annotator {

  private final List<Annotator> steps;
  private final LongAdder[] nanos;
  private final Set<Layer<?>> requires;
  private final Set<Layer<?>> produces;

  private Pipeline(List<Annotator> steps, Set<Layer<?>> requires, Set<Layer<?>> produces) {
    this.steps = List.copyOf(steps);
    this.nanos = new LongAdder[steps.size()];
    Arrays.setAll(nanos, i -> new LongAdder());
    this.requires = Set.copyOf(requires);
    this.produces = Set.copyOf(produces);
  }

  /** A pipeline over documents that start with no layers. */
  public static Pipeline of(Annotator... steps) {
    return of(Set.of(), List.of(steps));
  }

  /**
   * A pipeline over documents that already carry {@code given} layers.
   *
   * @throws ConfigException naming the annotator and the missing layer when an annotator needs a
   *     layer that neither {@code given} nor an earlier annotator provides
   */
  public static Pipeline of(Set<Layer<?>> given, List<? extends Annotator> steps) {
    Set<Layer<?>> available = new LinkedHashSet<>(given);
    Set<Layer<?>> produced = new LinkedHashSet<>();
    for (Annotator step : steps) {
      List<String> missing =
          step.requires().stream()
              .filter(l -> !available.contains(l))
              .map(Layer::name)
              .sorted()
              .collect(Collectors.toList());
      if (!missing.isEmpty()) {
        throw new ConfigException(
            "annotator '"
                + step.name()
                + "' requires layer(s) "
                + missing
                + " that no earlier annotator produces; add the annotator that produces them"
                + " before '"
                + step.name()
                + "'");
      }
      available.addAll(step.produces());
      produced.addAll(step.produces());
    }
    return new Pipeline(new ArrayList<>(steps), given, produced);
  }

  @Override
  public String name() {
    return steps.stream().map(Annotator::name).collect(Collectors.joining("+", "pipeline(", ")"));
  }

  @Override
  public Set<Layer<?>> requires() {
    return requires;
  }

  @Override
  public Set<Layer<?>> produces() {
    return produces;
  }

  /** The annotators in the order they run. */
  public List<Annotator> steps() {
    return steps;
  }

  /**
   * Runs every step.
   *
   * @throws AnnotationException naming the step that failed
   */
  @Override
  public Document annotate(Document document) {
    Document current = document;
    for (int i = 0; i < steps.size(); i++) {
      Annotator step = steps.get(i);
      long start = System.nanoTime();
      try {
        current = step.annotate(current);
        nanos[i].add(System.nanoTime() - start);
      } catch (AnnotationException e) {
        throw e;
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        throw new AnnotationException(step.name(), describe(e), e);
      }
    }
    return current;
  }

  /**
   * Wall-clock time spent in each step so far, summed over all threads and documents, by step name
   * in pipeline order; for telling which stage dominates a run.
   */
  public Map<String, Duration> timings() {
    Map<String, Duration> byStep = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      byStep.merge(steps.get(i).name(), Duration.ofNanos(nanos[i].sum()), Duration::plus);
    }
    return byStep;
  }

  private static String describe(Throwable e) {
    if (e instanceof OutOfMemoryError) {
      return "ran out of memory on this document (is it unusually large?)";
    }
    if (e instanceof StackOverflowError) {
      return "the document is too deeply nested to analyse";
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}

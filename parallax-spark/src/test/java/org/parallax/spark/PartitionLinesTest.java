package org.parallax.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PartitionLinesTest {

  @Test
  void linesComeInOrderThroughTheBoundedQueue() {
    PartitionAnalyzer.Lines lines = new PartitionAnalyzer.Lines();
    Thread worker =
        new Thread(
            () -> {
              for (int i = 0; i < 500; i++) {
                lines.put("line " + i);
              }
              lines.end();
            });
    worker.start();
    List<String> read = new ArrayList<>();
    lines.forEachRemaining(read::add);
    assertThat(read).hasSize(500).startsWith("line 0", "line 1").endsWith("line 499");
    assertThat(lines.hasNext()).isFalse();
  }

  @Test
  void aFailureInTheWorkerReachesTheReader() {
    PartitionAnalyzer.Lines lines = new PartitionAnalyzer.Lines();
    lines.put("first");
    lines.fail(new IllegalStateException("disk gone"));
    lines.end();
    assertThat(lines.next()).isEqualTo("first");
    assertThatThrownBy(lines::hasNext).hasMessageContaining("disk gone");
    assertThat(lines.hasNext()).isFalse();
  }

  @Test
  void aCancelledTaskReleasesAWorkerWaitingForRoom() throws Exception {
    PartitionAnalyzer.Lines lines = new PartitionAnalyzer.Lines();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread worker =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 1000; i++) {
                  lines.put("line " + i); // nobody reads: blocks once the queue is full
                }
              } catch (RuntimeException e) {
                stopped.countDown();
              }
            });
    worker.start();
    Thread.sleep(200);
    lines.cancel(worker);
    assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
  }
}

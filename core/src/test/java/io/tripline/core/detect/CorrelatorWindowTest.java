package io.tripline.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tripline.core.detect.Correlator.Matched;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A group's window behaves as a list under the operations the correlator uses, whatever their mix. */
class CorrelatorWindowTest {

  private static Matched entry(long i) {
    return new Matched(null, i, Instant.ofEpochSecond(i), null, null);
  }

  @Test
  void agreesWithAnArrayListOverRandomOperations() {
    Random random = new Random(7);
    Correlator.Window window = new Correlator.Window();
    List<Matched> model = new ArrayList<>();
    long next = 0;
    for (int step = 0; step < 20_000; step++) {
      int op = random.nextInt(10);
      if (op < 5) {
        int at = random.nextInt(4) == 0 ? random.nextInt(model.size() + 1) : model.size();
        Matched m = entry(next++);
        window.add(at, m);
        model.add(at, m);
      } else if (op < 7 && !model.isEmpty()) {
        int n = random.nextInt(Math.min(model.size(), 40) + 1);
        window.dropFirst(n);
        model.subList(0, n).clear();
      } else if (op < 8 && !model.isEmpty()) {
        int at = random.nextInt(model.size());
        assertThat(window.remove(at)).isSameAs(model.remove(at));
      } else if (op < 9 && !model.isEmpty()) {
        int at = random.nextInt(model.size());
        Matched m = entry(next++);
        assertThat(window.set(at, m)).isSameAs(model.set(at, m));
      } else if (!model.isEmpty()) {
        // what verifying the entries does: replace some, remove others, through an iterator
        ListIterator<Matched> w = window.listIterator();
        ListIterator<Matched> l = model.listIterator();
        while (w.hasNext()) {
          Matched a = w.next();
          assertThat(a).isSameAs(l.next());
          if (a.index() % 3 == 0) {
            w.remove();
            l.remove();
          }
        }
      }
      assertThat(window).containsExactlyElementsOf(model);
    }
  }

  @Test
  void indexesOutsideTheEntriesAreRefused() {
    Correlator.Window window = new Correlator.Window();
    window.add(0, entry(1));
    window.add(1, entry(2));
    window.dropFirst(1);
    assertThat(window).hasSize(1);
    assertThatThrownBy(() -> window.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> window.dropFirst(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> window.add(3, entry(3))).isInstanceOf(IndexOutOfBoundsException.class);
  }
}

package dev.tracelight.anthropic;

import com.anthropic.core.http.StreamResponse;
import dev.tracelight.tracing.LiveSpan;
import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A {@link StreamResponse} that records what passes through it and ends its span exactly once:
 * when the stream is exhausted, fails, or is closed (complete if its natural end had arrived,
 * incomplete otherwise). A stream dropped without being closed ends as incomplete when it is
 * garbage collected.
 */
final class TracedStreamResponse<T> implements StreamResponse<T> {
  private static final Cleaner CLEANER = Cleaner.create();

  private final StreamResponse<T> delegate;
  private final SpanEnding ending;
  private final Cleaner.Cleanable cleanable;

  TracedStreamResponse(StreamResponse<T> delegate, LiveSpan span, StreamObserver observer) {
    this.delegate = delegate;
    this.ending = new SpanEnding(span, observer);
    this.cleanable = CLEANER.register(this, ending::abandon);
  }

  @Override
  public Stream<T> stream() {
    Iterator<T> tracked = track(delegate.stream().iterator());
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(tracked, Spliterator.ORDERED), false)
        .onClose(this::close);
  }

  @Override
  public Iterator<T> iterator() {
    return track(delegate.iterator());
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      ending.closed();
      cleanable.clean();
    }
  }

  private Iterator<T> track(Iterator<T> events) {
    return new Iterator<T>() {
      @Override
      public boolean hasNext() {
        boolean more;
        try {
          more = events.hasNext();
        } catch (RuntimeException | Error e) {
          ending.failed(e);
          throw e;
        }
        if (!more) {
          ending.exhausted();
        }
        return more;
      }

      @Override
      public T next() {
        T item;
        try {
          item = events.next();
        } catch (RuntimeException | Error e) {
          ending.failed(e);
          throw e;
        }
        ending.observe(item);
        return item;
      }
    };
  }
}

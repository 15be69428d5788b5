package dev.tracelight.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * How a scripted message batch turns out: per request, in the order of the batch's
 * {@code requests}, whether it succeeds (with a scripted message or the default echo), errors,
 * is canceled or expires; and how many retrieves see it still {@code in_progress}. Requests
 * beyond the scripted results succeed with the default echo reply. Immutable.
 *
 * <pre>{@code
 * fake.enqueue(FakeReply.batch(FakeBatch.builder()
 *     .addResult(FakeReply.text("Paris"))
 *     .addResult(FakeReply.error(529, "overloaded_error", "Overloaded"))
 *     .addExpired()
 *     .setRetrievesBeforeEnded(2)
 *     .build()));
 * }</pre>
 */
public final class FakeBatch {

  /** What one request of the batch ends as, with the wire {@code result.type}. */
  enum Outcome {
    SUCCEEDED("succeeded"),
    ERRORED("errored"),
    CANCELED("canceled"),
    EXPIRED("expired");

    final String wire;

    Outcome(String wire) {
      this.wire = wire;
    }
  }

  private final List<Outcome> outcomes;
  private final List<FakeReply> replies;
  private final int retrievesBeforeEnded;

  private FakeBatch(Builder builder) {
    this.outcomes = List.copyOf(builder.outcomes);
    this.replies = List.copyOf(builder.replies);
    this.retrievesBeforeEnded = builder.retrievesBeforeEnded;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every request succeeds with the default echo reply, ended at the first retrieve. */
  public static FakeBatch allSucceeded() {
    return builder().build();
  }

  /** How many results are scripted; later requests succeed with the default echo. */
  public int scriptedResults() {
    return outcomes.size();
  }

  /** How many retrieves answer {@code in_progress} before one sees the batch ended. */
  public int retrievesBeforeEnded() {
    return retrievesBeforeEnded;
  }

  /** The outcome of the request at {@code index}: scripted, else succeeded. */
  Outcome outcome(int index) {
    return index < outcomes.size() ? outcomes.get(index) : Outcome.SUCCEEDED;
  }

  /** The reply behind a succeeded or errored request; the default reply if none was scripted. */
  FakeReply reply(int index) {
    return index < replies.size() ? replies.get(index) : FakeReply.defaultReply();
  }

  @Override
  public String toString() {
    return "FakeBatch{outcomes=" + outcomes + ", replies=" + replies
        + ", retrievesBeforeEnded=" + retrievesBeforeEnded + "}";
  }

  /** Builds a {@link FakeBatch}. */
  public static final class Builder {

    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<FakeReply> replies = new ArrayList<>();
    private int retrievesBeforeEnded;

    private Builder() {}

    /**
     * The next request's result: a message or default reply makes it {@code succeeded} with that
     * message (its id, model and usage completed from the request, usage with service tier
     * {@code batch}); an error reply makes it {@code errored} with that error's body.
     *
     * @throws IllegalArgumentException for any other reply, or one with a delay or stream script
     */
    public Builder addResult(FakeReply reply) {
      requireNonNull(reply, "reply");
      FakeReply.Kind kind = reply.kind();
      boolean message = kind == FakeReply.Kind.MESSAGE || kind == FakeReply.Kind.DEFAULT;
      if (!message && kind != FakeReply.Kind.ERROR) {
        throw new IllegalArgumentException("a batch result is a message or an error: " + reply);
      }
      if (!reply.delay().isZero() || reply.stream() != StreamScript.NONE) {
        throw new IllegalArgumentException("a batch result is not delayed or streamed: " + reply);
      }
      return add(message ? Outcome.SUCCEEDED : Outcome.ERRORED, reply);
    }

    /** The next request ends {@code canceled}. */
    public Builder addCanceled() {
      return add(Outcome.CANCELED, FakeReply.defaultReply());
    }

    /** The next request ends {@code expired}. */
    public Builder addExpired() {
      return add(Outcome.EXPIRED, FakeReply.defaultReply());
    }

    /** How many retrieves answer {@code in_progress} first; 0 (the default) ends it at once. */
    public Builder setRetrievesBeforeEnded(int retrieves) {
      if (retrieves < 0) {
        throw new IllegalArgumentException("retrieves must not be negative: " + retrieves);
      }
      this.retrievesBeforeEnded = retrieves;
      return this;
    }

    public FakeBatch build() {
      return new FakeBatch(this);
    }

    private Builder add(Outcome outcome, FakeReply reply) {
      outcomes.add(outcome);
      replies.add(reply);
      return this;
    }
  }
}

package io.stackpilot.health.probe;

import java.time.Duration;

/** The moment by which a probe run must end; every blocking step of the run waits at most the time left. */
public final class Deadline {

    private final long endNanos;
    private final Duration timeout;

    private Deadline(Duration timeout) {
        this.timeout = timeout;
        this.endNanos = System.nanoTime() + timeout.toNanos();
    }

    /** Starts a deadline that ends {@code timeout} from now. */
    public static Deadline after(Duration timeout) {
        return new Deadline(timeout);
    }

    /** Returns the whole timeout this deadline was started with. */
    public Duration timeout() {
        return timeout;
    }

    public boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    /**
     * Returns the milliseconds left, at least 1, because socket APIs read a timeout of 0 as "wait forever". Check
     * {@link #expired()} first where running out of time needs its own handling.
     */
    public int remainingMillis() {
        long left = Duration.ofNanos(endNanos - System.nanoTime()).toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }
}

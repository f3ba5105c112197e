package io.stackpilot.health.probe;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run probes, apart from the HTTP worker pool, so a hung dependency never takes threads that
 * serve requests.
 *
 * <p>The pool grows on demand and idle threads end after 10 s. It needs no fixed bound because at most one check
 * per component runs at a time and every probe ends at its own timeout.
 */
@ApplicationScoped
public class ProbeExecutor {

    private final ThreadPoolExecutor executor;

    public ProbeExecutor() {
        AtomicInteger sequence = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "stackpilot-probe-" + sequence.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor =
                new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    }

    public ExecutorService executor() {
        return executor;
    }

    /** Returns the number of threads in the pool, busy or idle. */
    public int poolSize() {
        return executor.getPoolSize();
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}

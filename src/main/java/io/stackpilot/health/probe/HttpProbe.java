package io.stackpilot.health.probe;

import io.stackpilot.catalog.ProbeSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends {@code GET url} and checks the status code against the expected range. Redirects are not followed, so a
 * 3xx counts as the status it is.
 */
@ApplicationScoped
public class HttpProbe {

    /** Upper bound for opening a connection; each request's own timeout is usually shorter. */
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;

    @Inject
    public HttpProbe(ProbeExecutor executor) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(MAX_CONNECT_TIMEOUT)
                .executor(executor.executor())
                .build();
    }

    public ProbeResult probe(ProbeSpec.Http spec, Deadline deadline) {
        HttpRequest request = HttpRequest.newBuilder(spec.url())
                .timeout(Duration.ofMillis(deadline.remainingMillis()))
                .header("User-Agent", "stackpilot-health")
                .GET()
                .build();
        CompletableFuture<HttpResponse<Void>> pending =
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = pending.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
            return judge(spec, response.statusCode());
        } catch (TimeoutException e) {
            pending.cancel(true);
            return timedOut(spec, deadline);
        } catch (ExecutionException e) {
            return failed(spec, deadline, e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return ProbeResult.unknown("GET " + spec.url() + " was interrupted before it finished");
        }
    }

    private static ProbeResult judge(ProbeSpec.Http spec, int status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("httpStatus", status);
        if (status >= spec.minStatus() && status <= spec.maxStatus()) {
            return ProbeResult.up(details);
        }
        String expected = spec.minStatus() == spec.maxStatus()
                ? String.valueOf(spec.minStatus())
                : spec.minStatus() + "-" + spec.maxStatus();
        return ProbeResult.down("GET " + spec.url() + " returned HTTP " + status + ", expected " + expected, details);
    }

    private static ProbeResult timedOut(ProbeSpec.Http spec, Deadline deadline) {
        return ProbeResult.down("GET " + spec.url() + " got no response within "
                + deadline.timeout().toMillis() + " ms");
    }

    private static ProbeResult failed(ProbeSpec.Http spec, Deadline deadline, Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return timedOut(spec, deadline);
        }
        if (cause instanceof ConnectException) {
            return ProbeResult.down("GET " + spec.url() + " failed: connection refused");
        }
        if (cause instanceof IOException io) {
            return ProbeResult.down("GET " + spec.url() + " failed: " + Sockets.describe(io, deadline));
        }
        return ProbeResult.down("GET " + spec.url() + " failed: " + cause.getMessage());
    }
}

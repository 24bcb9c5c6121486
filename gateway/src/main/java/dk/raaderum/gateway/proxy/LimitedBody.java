package dk.raaderum.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * The caller's request body on its way upstream, counted: past {@code maxBytes} it stops and fails the transfer with
 * {@link TooLarge} (the gateway answers 413), and it remembers when the caller broke off (closed the connection
 * mid-body). Either way the caller, not the upstream, ended the exchange: no failure for the circuit breaker.
 */
final class LimitedBody implements ReadStream<Buffer> {

    /** The body grew past the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long maxBytes;
    private long seen;
    private volatile boolean tooLarge;
    private volatile boolean aborted;
    private Handler<Throwable> exceptionHandler;
    private volatile Runnable onBreak = () -> { };

    LimitedBody(ReadStream<Buffer> source, long maxBytes) {
        this.source = source;
        this.maxBytes = maxBytes;
    }

    /** Runs once when the body grows past the limit or the caller breaks off. */
    void onBreak(Runnable action) {
        this.onBreak = action;
    }

    /** The caller's connection closed or broke before the exchange ended. */
    void callerGone() {
        if (!tooLarge && !aborted) {
            aborted = true;
            onBreak.run();
        }
    }

    boolean tooLarge() {
        return tooLarge;
    }

    /** The caller's side broke off while sending the body (connection closed or reset). */
    boolean aborted() {
        return aborted;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler == null ? null : failure -> {
            callerGone();
            handler.handle(failure);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        source.handler(handler == null ? null : chunk -> {
            if (tooLarge) {
                return;
            }
            seen += chunk.length();
            if (seen > maxBytes) {
                tooLarge = true;
                source.pause();
                onBreak.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge());
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!tooLarge) {
            source.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (!tooLarge) {
            source.fetch(amount);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : done -> {
            if (!tooLarge) {
                endHandler.handle(done);
            }
        });
        return this;
    }
}

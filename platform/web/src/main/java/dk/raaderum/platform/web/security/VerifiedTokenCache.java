package dk.raaderum.platform.web.security;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens whose signature and claims were verified, each with what its verification found, until the token
 * expires and at most {@value #MAX_SECONDS} s: a client sending the same token again does not pay for the signature
 * check on every call. A token is remembered only after it was verified, so a forged or expired token is never found
 * here; a remembered token is forgotten at its {@code exp} exactly as the verifier would refuse it then. Bounded: at
 * {@value #MAX_ENTRIES} tokens it starts again empty (every token is then verified once more).
 *
 * @param <T> what the verification of a token found
 */
public final class VerifiedTokenCache<T> {

    public static final int MAX_ENTRIES = 20_000;
    public static final long MAX_SECONDS = 300;

    private record Entry<T>(T verified, long validUntilEpochSecond) {
    }

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedTokenCache(Clock clock) {
        this.clock = clock;
    }

    /** What the verification of {@code token} found, while the token is valid; empty if it must be verified. */
    public Optional<T> lookup(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Entry<T> entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.validUntilEpochSecond() <= clock.instant().getEpochSecond()) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.verified());
    }

    /**
     * Remembers a token that was just verified until {@code expiresEpochSecond} (its {@code exp} claim; 0 when it has
     * none: then it is not remembered), at most {@value #MAX_SECONDS} s from now.
     */
    public void remember(String token, long expiresEpochSecond, T verified) {
        long now = clock.instant().getEpochSecond();
        long validUntil = Math.min(expiresEpochSecond, now + MAX_SECONDS);
        if (token == null || validUntil <= now) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(token, new Entry<>(verified, validUntil));
    }

    public int size() {
        return entries.size();
    }
}

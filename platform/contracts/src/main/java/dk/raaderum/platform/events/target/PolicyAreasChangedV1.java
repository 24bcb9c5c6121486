package dk.raaderum.platform.events.target;

import java.time.Instant;
import java.util.List;

/**
 * {@code dk.raaderum.policy-area.changed.v1} on {@code policy-area.changed}: a municipality's register of policy areas
 * changed (an area added, renamed, moved to another main account or committee, retired or reactivated). Carries the
 * municipality's <b>whole</b> register, so a consumer replaces its copy; keyed by the municipality code (the envelope's
 * {@code municipality} is the same). {@code revision} increases with every change of the register: a consumer ignores
 * a revision it already has or an older one.
 *
 * @param revision the register's revision, 1, 2, … per municipality
 * @param areas every area of the register, retired ones included ({@code active} false: not for new budgets, targets
 *        or catalogs, still valid for history)
 */
public record PolicyAreasChangedV1(
        long revision,
        List<RegisteredArea> areas,
        Instant changedAt) {

    /**
     * @param code the municipality's own short code, e.g. {@code ÆLD}
     * @param mainAccount main account (hovedkonto) 0–6
     * @param committee the standing committee responsible, or null
     */
    public record RegisteredArea(String code, String name, int mainAccount, String committee, boolean active) {
    }
}

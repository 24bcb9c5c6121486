package dk.raaderum.target.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Requests and answers about the register of policy areas. */
public final class PolicyAreaModels {

    /** Warning: the municipality has no register of policy areas yet, so area codes were not checked. */
    public static final String AREA_REGISTER_MISSING = "area-register-missing";
    /** Warning: an area code of the answer is not in the register (or is retired). */
    public static final String AREA_NOT_IN_REGISTER = "area-not-in-register";
    /** 422 rule: a base budget or an allocation names an area code that is not in the register, or a retired one. */
    public static final String RULE_AREA_NOT_IN_REGISTER = "area-not-in-register";
    /** 422 rule: the base budget to seed the register from does not exist. */
    public static final String RULE_SEED_BUDGET = "seed-budget";

    private PolicyAreaModels() {
    }

    @Schema(description = "A policy area of the register: create it, or rename it, move it, retire or reactivate it")
    public record AreaInput(
            @NotBlank @Size(max = 200) @Schema(example = "Ældreområdet") String name,
            @NotNull @Min(0) @Max(6) @Schema(example = "5", description = "Main account (hovedkonto) 0–6") Integer mainAccount,
            @Size(max = 200) @Schema(example = "Social- og Sundhedsudvalget", description = "The responsible committee (udvalg), optional") String committee,
            @Schema(example = "true", description = "false retires the area (default true): no new budgets, allocations or catalogs with it; its code stays valid for history") Boolean active,
            @Schema(description = "The version you read, when you change an existing area (optimistic locking); or send If-Match") Long version) {
    }

    public record AreaView(String code, String name, int mainAccount, String committee, boolean active,
            Instant changedAt, String changedBy, long version) {
    }

    /** @param revision increases with every change; proposal-service names the revision it has */
    public record RegisterView(String municipality, long revision, List<AreaView> areas, Instant changedAt) {
    }

    /** The outcome of a PUT: the area, and whether it was new (201). */
    public record Saved(AreaView area, long revision, boolean created) {
    }

    /** @param added the codes the seed added to the register (existing areas are left as they are) */
    public record Seeded(RegisterView register, List<String> added) {
    }

    /** Something the caller should know about an answer that was nevertheless accepted. */
    public record Warning(String code, String message) {
    }
}

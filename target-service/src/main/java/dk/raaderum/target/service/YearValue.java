package dk.raaderum.target.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amount in whole kroner for one year. */
@Schema(description = "An amount in whole kroner for one year")
public record YearValue(@Schema(example = "2027") int year, @Schema(example = "25000000") long amount) {
}

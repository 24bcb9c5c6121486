package dk.raaderum.platform.web.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record NoteRequest(
        @NotBlank @Size(max = 20) String title,
        @NotNull @PositiveOrZero Long amount,
        List<@Valid Line> lines,
        LocalDate due,
        Instant seenAt) {

    public record Line(@NotNull Integer year, @NotNull Long amount) {
    }
}

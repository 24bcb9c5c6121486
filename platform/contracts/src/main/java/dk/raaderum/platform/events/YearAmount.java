package dk.raaderum.platform.events;

/** An amount in whole Danish kroner for one budget year (signs are explained where the record is used). */
public record YearAmount(int year, long amount) {
}

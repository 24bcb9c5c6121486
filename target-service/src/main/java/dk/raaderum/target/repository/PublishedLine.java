package dk.raaderum.target.repository;

/**
 * One area and year of an adopted target's published allocation round, as coverage needs it; {@code priceLevelYear}
 * is the round's (its base budget's) price level.
 */
public record PublishedLine(String areaCode, String areaName, int mainAccount, String committee, int year, long amount,
        int priceLevelYear) {
}

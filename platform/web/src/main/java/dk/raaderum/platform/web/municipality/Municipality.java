package dk.raaderum.platform.web.municipality;

/**
 * A Danish municipality: the official 3-digit municipality code (kommunekode), its name and the code of its
 * region.
 */
public record Municipality(String code, String name, String regionCode) {
}

package dk.raaderum.platform.events;

/**
 * A municipality's policy area (fagområde / bevillingsområde) as events carry it.
 *
 * @param code the municipality's own short code, e.g. {@code ÆLD}
 * @param name e.g. {@code Ældreområdet}
 * @param mainAccount main account (hovedkonto) 0–6 of the municipal chart of accounts
 * @param committee the standing committee responsible, e.g. {@code Social- og Sundhedsudvalget}
 */
public record PolicyAreaRef(String code, String name, int mainAccount, String committee) {
}

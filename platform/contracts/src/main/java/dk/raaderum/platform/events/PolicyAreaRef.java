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

    /** An area code, the register's format: 2–10 capital letters (Æ, Ø, Å too) or digits. */
    public static final String CODE_PATTERN = "[A-ZÆØÅ0-9]{2,10}";
    /** What a code that does not match {@link #CODE_PATTERN} is told. */
    public static final String CODE_MESSAGE = "2–10 capital letters or digits, e.g. ÆLD";
}

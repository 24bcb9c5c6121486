package dk.raaderum.target.domain;

/** How the total potential of an analysis is brought down to what the organisation can realistically deliver. */
public enum Realism {
    /** The full potential. */
    NONE,
    /** The total times a factor between 0 and 1. */
    FACTOR,
    /** At most a fixed amount (Varde: 300 mio. kr. scaled down to 80 mio. kr.). */
    CAP
}

package dk.raaderum.target.domain;

/** Whether a key figure must stay at or above its bound (cash holdings, room) or at or below it (debt). */
public enum BoundType {
    AT_LEAST, AT_MOST
}

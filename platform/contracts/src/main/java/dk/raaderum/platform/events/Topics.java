package dk.raaderum.platform.events;

/** Topic names. One topic per aggregate event family; the dead-letter topic of {@code t} is {@code t.dlq}. */
public final class Topics {

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}

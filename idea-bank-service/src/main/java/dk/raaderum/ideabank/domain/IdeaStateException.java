package dk.raaderum.ideabank.domain;

/** An idea's status does not allow the step asked for (the REST layer answers 409 {@code invalid-transition}). */
public class IdeaStateException extends RuntimeException {

    public IdeaStateException(Idea idea, IdeaStatus target) {
        super("Idea " + idea.id + " is " + idea.status + "; it cannot become " + target + " (allowed: " + idea.status.next()
                + ")", null, false, false);
    }
}

package dk.raaderum.target.domain;

/** The unit of a key figure's values: whole kroner, or percent (of the figure's basis, e.g. the operating budget). */
public enum FigureUnit {
    KRONER, PERCENT
}

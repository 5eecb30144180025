package dev.warden.runtime;

/**
 * Thrown when an access rule's constraint cannot be evaluated: it threw (for example a lazy association that
 * cannot be loaded outside its session, or a key-only reference that lacks the member the constraint reads). It
 * is an error, not a denial: Warden never turns a failing constraint into a silent "no" (nor a "yes"). The
 * message names the entity and the rule and the kind of failure; the cause has the details. It never contains a
 * member's value.
 */
public class ConstraintFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final int rule;
    private final String description;

    /**
     * A constraint that failed.
     *
     * @param entity the entity's name
     * @param rule the rule's number, from 1
     * @param description the rule, as explanations show it
     * @param cause what the constraint threw
     */
    public ConstraintFailedException(String entity, int rule, String description, Throwable cause) {
        super("The constraint of rule " + rule + " of " + entity + " could not be evaluated: it threw "
                + cause.getClass().getName() + " (" + description + "). This is an error in the application or its "
                + "data, not a denial; access was not granted", cause);
        this.entity = entity;
        this.rule = rule;
        this.description = description;
    }

    /**
     * A constraint that could not be evaluated on this object at all.
     *
     * @param entity the entity's name
     * @param rule the rule's number, from 1
     * @param description the rule, as explanations show it
     * @param why why it cannot be evaluated; never a member's value
     */
    public ConstraintFailedException(String entity, int rule, String description, String why) {
        super("The constraint of rule " + rule + " of " + entity + " could not be evaluated: " + why + " ("
                + description + "). This is an error in the application, not a denial; access was not granted");
        this.entity = entity;
        this.rule = rule;
        this.description = description;
    }

    /** The entity's name. */
    public String entity() {
        return entity;
    }

    /** The number of the rule whose constraint failed. */
    public int rule() {
        return rule;
    }

    /** The rule, as explanations show it. */
    public String description() {
        return description;
    }
}

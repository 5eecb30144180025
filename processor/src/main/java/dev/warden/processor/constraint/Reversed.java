package dev.warden.processor.constraint;

import java.util.Optional;

/**
 * An association followed from the side that does not declare it: {@code reversed(Owner.pets)} on {@code Pet} leads
 * from a pet to the owners whose {@code pets} hold it. The checker turns such a path segment into a synthetic to-many
 * {@link MemberShape} named {@code reversed(com.acme.Owner.pets)} (the declaring entity's qualified name), whose
 * target is the declaring entity; the compilers recognise it by {@link #of(MemberShape)}.
 *
 * @param declaringEntity the qualified name of the entity that declares the association ({@code com.acme.Owner})
 * @param member          the association's name there ({@code pets})
 */
public record Reversed(String declaringEntity, String member) {

    /** The keyword that starts the segment. */
    public static final String KEYWORD = "reversed";

    /** The argument of a segment {@code reversed(Owner.pets)} as written, or empty when the segment is not one. */
    static Optional<String> argument(String segmentName) {
        if (!segmentName.startsWith(KEYWORD + "(") || !segmentName.endsWith(")")) {
            return Optional.empty();
        }
        return Optional.of(segmentName.substring(KEYWORD.length() + 1, segmentName.length() - 1));
    }

    /** The reversed association a synthetic member stands for, or empty for an ordinary member. */
    public static Optional<Reversed> of(MemberShape member) {
        return argument(member.name()).map(arg -> {
            int dot = arg.lastIndexOf('.');
            return new Reversed(arg.substring(0, dot), arg.substring(dot + 1));
        });
    }

    /** The synthetic member for this reversed association, on an entity the association leads to. */
    MemberShape asMember(MemberShape declared) {
        return MemberShape.toMany(KEYWORD + "(" + declaringEntity + "." + member + ")", declared.javaType(), "",
                declaringEntity);
    }

    /** As written in constraints and messages: {@code reversed(Owner.pets)}. */
    String text() {
        return KEYWORD + "(" + JavaTypes.simpleName(declaringEntity) + "." + member + ")";
    }
}

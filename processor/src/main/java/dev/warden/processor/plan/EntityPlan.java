package dev.warden.processor.plan;

import dev.warden.processor.constraint.ConstraintEnvironment;
import dev.warden.processor.constraint.EntityShape;
import dev.warden.processor.model.AppModel;
import dev.warden.processor.model.EntityModel;
import dev.warden.processor.model.ModuleModel;
import java.util.List;
import java.util.Optional;

/**
 * Everything the code generator needs for one entity that validated without errors.
 *
 * @param entity the entity
 * @param module its module
 * @param application the application, when it is known
 * @param shape the entity as constraints see it, for compiling them
 * @param environment what constraints may refer to besides members, for compiling them
 * @param rules one plan per rule, in rule order
 * @param table how the entity is stored, when a table mapping is generated for it
 */
public record EntityPlan(
        EntityModel entity,
        ModuleModel module,
        Optional<AppModel> application,
        EntityShape shape,
        ConstraintEnvironment environment,
        List<RulePlan> rules,
        Optional<TablePlan> table) {

    public EntityPlan {
        rules = List.copyOf(rules);
    }

    /** Whether some rule has a constraint. */
    public boolean hasConstraints() {
        return rules.stream().anyMatch(rule -> rule.constraint().isPresent());
    }
}

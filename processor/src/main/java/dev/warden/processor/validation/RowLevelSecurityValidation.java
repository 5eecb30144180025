package dev.warden.processor.validation;

import dev.warden.processor.constraint.CompiledSqlConstraint;
import dev.warden.processor.constraint.PolicySql;
import dev.warden.processor.diagnostics.Message;
import dev.warden.processor.diagnostics.Report;
import dev.warden.processor.model.RuleModel;
import dev.warden.processor.model.SecurityLevel;
import dev.warden.processor.plan.EntityPlan;
import dev.warden.processor.plan.RulePlan;
import dev.warden.processor.plan.TablePlan;
import java.util.Optional;

/**
 * What the generated PostgreSQL row-level security cannot express ({@code codegen.RowLevelSecurityWriter}): a rule
 * whose constraint uses a date-time token, or compares with a value no setting can hold, is left out of the
 * policies, so the database is stricter than the application: a warning on the rule's constraint.
 */
public final class RowLevelSecurityValidation {

    private RowLevelSecurityValidation() {}

    /** Adds a warning for each rule of a valid entity with a table that the policies leave out. */
    public static void check(EntityPlan plan, Report report) {
        if (plan.table().isEmpty()
                || plan.application().map(app -> app.level() != SecurityLevel.PRODUCTION).orElse(false)) {
            return;
        }
        TablePlan table = plan.table().get();
        for (RulePlan rule : plan.rules()) {
            CompiledSqlConstraint constraint = table.constraints().get(rule.number());
            Optional<String> reason = constraint == null ? Optional.empty() : PolicySql.unsupported(constraint);
            if (reason.isPresent()) {
                RuleModel model = rule.rule();
                report.add(Message.POLICY_NOT_EXPRESSIBLE,
                        model.constraintLocation() != null ? model.constraintLocation() : model.location(),
                        "compare with a stored column the application keeps up to date instead, or suppress with "
                                + "@SuppressWarnings(\"warden:rls-not-expressible\") when the database's clients may "
                                + "see less; -Awarden.postgresql.rowLevelSecurity=false writes no policies at all",
                        rule.number(), plan.entity().simpleName(), reason.get());
            }
        }
    }
}

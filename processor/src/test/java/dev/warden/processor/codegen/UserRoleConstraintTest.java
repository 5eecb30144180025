package dev.warden.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.processor.constraint.ConstraintParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A constraint as it reads for a user with exactly one user role: role tokens folded, the rest kept as written. */
class UserRoleConstraintTest {

    private static String resolve(String constraint, String userRole) {
        UserRoleConstraint.Resolved resolved = UserRoleConstraint.resolve(
                ConstraintParser.parse(constraint).expression().orElseThrow(), constraint, userRole);
        return resolved.always() ? "always" : resolved.never() ? "never" : resolved.text();
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiter = '|', value = {
        // the sample's delete rule
        "[status = 'CANCELLED' or '[%UserRole_Administrator%]'] | Administrator | always",
        "[status = 'CANCELLED' or '[%UserRole_Administrator%]'] | SalesManager  | [status = 'CANCELLED']",
        // a bare role token
        "['[%UserRole_Boss%]']                                  | Boss          | always",
        "['[%UserRole_Boss%]']                                  | Clerk         | never",
        "[[%UserRole_Boss%]]                                    | Clerk         | never",
        // and: a false operand makes it false, a true one drops out
        "[owner = '[%CurrentUser%]' and '[%UserRole_Boss%]']    | Boss          | [owner = '[%CurrentUser%]']",
        "[owner = '[%CurrentUser%]' and '[%UserRole_Boss%]']    | Clerk         | never",
        "[owner = '[%CurrentUser%]']['[%UserRole_Boss%]']       | Clerk         | never",
        "[a = 1][b = 2]['[%UserRole_Boss%]']                    | Boss          | [a = 1 and b = 2]",
        // not
        "[not('[%UserRole_Guest%]') and active = true()]        | Guest         | never",
        "[not('[%UserRole_Guest%]') and active = true()]        | Clerk         | [active = true()]",
        "[not(a = 1 or '[%UserRole_Boss%]')]                    | Clerk         | [not(a = 1)]",
        "[not(a = 1 or '[%UserRole_Boss%]')]                    | Boss          | never",
        // parentheses where an or ends up inside an and
        "[(a = 1 or b = 2) and (c = 3 or '[%UserRole_Boss%]')]  | Clerk         | [(a = 1 or b = 2) and c = 3]",
        "[(a = 1 or '[%UserRole_X%]') and c = 3]                | Clerk         | [a = 1 and c = 3]",
        "[a = 1 or b = 2 and '[%UserRole_Boss%]']               | Clerk         | [a = 1]",
        "[a = 1 or b = 2 and '[%UserRole_Boss%]']               | Boss          | [a = 1 or b = 2]",
        // a boolean member compared with a role token
        "[vip = '[%UserRole_Boss%]']                            | Boss          | [vip = true()]",
        "[vip != '[%UserRole_Boss%]']                           | Clerk         | [vip != false()]",
        // without a role token, the constraint is kept character for character
        "[  owner = '[%CurrentUser%]'   or  (a=1)]              | Boss          | [  owner = '[%CurrentUser%]'   or  (a=1)]",
        "[contains(name, 'x, y') and customer/region = '[%Region%]'] | Boss     | [contains(name, 'x, y') and customer/region = '[%Region%]']",
    })
    void resolves(String constraint, String userRole, String expected) {
        assertEquals(expected, resolve(constraint, userRole));
    }
}

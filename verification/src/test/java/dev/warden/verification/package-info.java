/** The verification suites of Warden: see TESTING.md at the repository root. */
package dev.warden.verification;

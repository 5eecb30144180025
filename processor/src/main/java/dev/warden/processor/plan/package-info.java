/**
 * The validated plan of each entity: what validation worked out (the checked constraint of each rule, the grants
 * of each rule per group of module roles, the table mapping with each constraint compiled to SQL) and what the code
 * generator is to write. Validation makes plans; the writers in {@code codegen} take only plans, so no writer
 * parses, type-checks, decides or reports anything.
 */
package dev.warden.processor.plan;

package dev.warden.processor.codegen;

import com.palantir.javapoet.CodeBlock;

/** A rule's constraint compiled to SQL, as the code that builds its {@code SqlTemplate}. */
public record CompiledSql(CodeBlock template) {}

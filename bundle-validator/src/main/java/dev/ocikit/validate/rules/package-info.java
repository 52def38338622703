/**
 * Validation rules as small self-describing units, and their explicit registry. Depends on the
 * validate API and spec-model; never on the CLI.
 */
package dev.ocikit.validate.rules;

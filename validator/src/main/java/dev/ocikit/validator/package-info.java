/**
 * One entry point for validation: {@link dev.ocikit.validator.OciValidator#validate} decides what a
 * path is and validates it with {@link dev.ocikit.validator.ValidatorOptions}; results and findings
 * are the checking kernel's types ({@code dev.ocikit.check}).
 */
package dev.ocikit.validator;

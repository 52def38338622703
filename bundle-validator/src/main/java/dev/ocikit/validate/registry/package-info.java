/**
 * The list of every bundle, config and document rule, kept apart from the rule packages so they
 * depend on their shared base ({@code dev.ocikit.validate.rules}) and never on each other.
 */
package dev.ocikit.validate.registry;

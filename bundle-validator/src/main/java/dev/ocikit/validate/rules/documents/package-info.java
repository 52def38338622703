/**
 * Rules over the runtime state and runtime features documents. They read the located JSON tree (not
 * config.json's model) and depend on no other rule package.
 */
package dev.ocikit.validate.rules.documents;

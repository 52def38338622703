/**
 * What every command package of the CLI shares: the one mapping from a failure to an exit code and
 * a one-line message. Depends on no command package.
 */
package dev.ocikit.cli.support;

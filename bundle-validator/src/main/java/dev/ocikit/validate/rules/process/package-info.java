/** Rules about the process object: arguments, working directory, environment, limits, rights. */
package dev.ocikit.validate.rules.process;

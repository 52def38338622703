/**
 * Rules about the linux object: namespaces, devices, resources, seccomp, masked paths, and advice
 * about settings that need a namespace the config does not create.
 */
package dev.ocikit.validate.rules.linux;

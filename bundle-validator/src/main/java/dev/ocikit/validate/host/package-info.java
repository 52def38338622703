/**
 * What the running machine offers a container (kernel capabilities, filesystems, cgroup
 * controllers, network interfaces, namespaces, seccomp, files in the runtime namespace), behind the
 * small {@link dev.ocikit.validate.host.Host} interface so host-specific rules can be tested with a
 * fake. Depends on the JDK only.
 */
package dev.ocikit.validate.host;

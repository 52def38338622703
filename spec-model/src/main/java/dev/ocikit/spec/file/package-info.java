/**
 * Reading the files a user names or an input points at, safely: what a path is gets decided by
 * {@code stat} before anything is opened (a FIFO or a device is refused, never opened), reads stop
 * one byte past a limit, and failures of the filesystem are put into words. Also writing reports
 * atomically with the mode the umask gives a new file. Depends on the JDK only.
 */
package dev.ocikit.spec.file;

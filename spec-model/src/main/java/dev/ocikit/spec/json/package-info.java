/**
 * Strict JSON shared by every module: UTF-8 only, no duplicate member names, bounded size and
 * depth, no trailing content, every value located by line and column. Depends on the JDK and
 * Jackson's streaming and tree APIs only (and {@code dev.ocikit.spec.file} to read and write
 * files).
 */
package dev.ocikit.spec.json;

package dev.ocikit.spec.model;

import java.util.Objects;

/**
 * A property value where JSON {@code null} means something of its own, distinct from both an absent
 * property (a Java {@code null} field) and an empty value. The runtime-spec features document uses
 * it: {@code null} there means "unknown", while {@code []} means "none".
 *
 * @param <T> the type of a present value
 */
public final class Nullable<T> {
  private static final Nullable<?> NULL = new Nullable<>(null);

  private final T value;

  private Nullable(T value) {
    this.value = value;
  }

  /**
   * {@return the holder of a JSON {@code null}}
   *
   * @param <T> the type a present value would have
   */
  @SuppressWarnings("unchecked")
  public static <T> Nullable<T> ofNull() {
    return (Nullable<T>) NULL;
  }

  /**
   * {@return a holder of a present value}
   *
   * @param <T> the value's type
   * @param value the value, not null
   */
  public static <T> Nullable<T> of(T value) {
    return new Nullable<>(Objects.requireNonNull(value, "value"));
  }

  /** {@return whether the JSON value was {@code null}} */
  public boolean isNull() {
    return value == null;
  }

  /** {@return the present value, or Java {@code null} for a JSON {@code null}} */
  public T value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nullable<?> other && Objects.equals(other.value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return value == null ? "null" : value.toString();
  }
}

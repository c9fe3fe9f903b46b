package dev.omnichannel.shared.problem;

/** One invalid field of a request: {@code field} is a path such as {@code lines[0].quantity}. */
public record FieldError(String field, String message) {
}

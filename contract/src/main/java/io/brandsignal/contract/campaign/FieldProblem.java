package io.brandsignal.contract.campaign;

/**
 * What is wrong with one field of a campaign, phrased for the sender of the value.
 *
 * @param field the field as it is named in JSON; an element of a list as {@code channels[2]}
 * @param message what is wrong ("must be ..., was ...")
 */
public record FieldProblem(String field, String message) {
}

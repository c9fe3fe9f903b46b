package dev.omnichannel.bench;

/** One figure of the table: ours beside its ceiling, measured in the same run. */
record Row(String what, String measured, String ceiling, double ratio, String target, boolean met) {
}

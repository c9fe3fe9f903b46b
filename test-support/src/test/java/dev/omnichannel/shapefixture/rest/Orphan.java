package dev.omnichannel.shapefixture.rest;

/** Misplaced: a role name used as a feature. */
public class Orphan {
}

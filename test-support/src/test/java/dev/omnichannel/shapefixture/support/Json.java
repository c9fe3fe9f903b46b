package dev.omnichannel.shapefixture.support;

/** In its place: cross-cutting. */
public class Json {
}

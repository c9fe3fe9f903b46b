package dev.omnichannel.customer.profile.service;

import dev.omnichannel.customer.profile.rest.CustomerProfile;

/** The answer of find-or-create: whether the profile was created by this call. */
public record Resolved(boolean created, CustomerProfile profile) {
}

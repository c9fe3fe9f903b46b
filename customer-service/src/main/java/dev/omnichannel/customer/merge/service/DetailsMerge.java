package dev.omnichannel.customer.merge.service;

import dev.omnichannel.customer.merge.domain.MergeRecord;
import dev.omnichannel.customer.profile.domain.Customer;
import java.util.Objects;

/**
 * The profile details' part of a merge: the survivor's own details win and what it lacks comes from
 * the duplicate; an undo empties again what was filled in and nobody changed since.
 */
final class DetailsMerge {

    private DetailsMerge() {
    }

    /** The survivor's own details win; what it lacks comes from the duplicate. */
    static void merge(Customer survivor, Customer duplicate) {
        survivor.displayName = firstNonNull(survivor.displayName, duplicate.displayName);
        survivor.preferredChannel = firstNonNull(survivor.preferredChannel, duplicate.preferredChannel);
        survivor.preferredStoreId = firstNonNull(survivor.preferredStoreId, duplicate.preferredStoreId);
        survivor.language = firstNonNull(survivor.language, duplicate.language);
        survivor.timeZone = firstNonNull(survivor.timeZone, duplicate.timeZone);
        if (survivor.quietStart == null) {
            survivor.quietStart = duplicate.quietStart;
            survivor.quietEnd = duplicate.quietEnd;
        }
    }

    /** What the merge filled in from the duplicate, and nobody changed since, is emptied again. */
    static void undo(Customer survivor, MergeRecord.Details before, MergeRecord.Details brought) {
        if (before.displayName() == null && Objects.equals(survivor.displayName, brought.displayName())) {
            survivor.displayName = null;
        }
        if (before.preferredChannel() == null && Objects.equals(survivor.preferredChannel, brought.preferredChannel())) {
            survivor.preferredChannel = null;
        }
        if (before.preferredStoreId() == null && Objects.equals(survivor.preferredStoreId, brought.preferredStoreId())) {
            survivor.preferredStoreId = null;
        }
        if (before.language() == null && Objects.equals(survivor.language, brought.language())) {
            survivor.language = null;
        }
        if (before.timeZone() == null && Objects.equals(survivor.timeZone, brought.timeZone())) {
            survivor.timeZone = null;
        }
        if (before.quietStart() == null && Objects.equals(survivor.quietStart, brought.quietStart())
                && Objects.equals(survivor.quietEnd, brought.quietEnd())) {
            survivor.quietStart = null;
            survivor.quietEnd = null;
        }
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}

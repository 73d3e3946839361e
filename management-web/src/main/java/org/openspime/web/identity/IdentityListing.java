package org.openspime.web.identity;

import java.util.List;

/** One page of identities and how many match in all, so pagination can say "41–60 of 100,000". */
public record IdentityListing(List<IdentityView> identities, long total) {
    public IdentityListing {
        identities = List.copyOf(identities);
    }
}

package org.openspime.web.key;

import java.time.Instant;
import java.util.Optional;

/**
 * A key pair generated for an entity and certified, waiting for its one download.
 *
 * @param download  the handover id to download it with
 * @param password  the PKCS#12 password, shown this once; empty for PEM
 * @param expires   after this the download is gone and the key can no longer be had (revoke and generate anew)
 */
public record GeneratedKey(String download, KeyView key, KeyFormat format, Optional<String> password, Instant expires) {
}

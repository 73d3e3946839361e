package org.openspime.client.certification.provider;

import org.jivesoftware.smack.provider.ProviderManager;
import org.openspime.client.certification.element.KeyChangeNotification;
import org.openspime.client.certification.element.LegacyPubKeysIQ;
import org.openspime.client.certification.element.PubKeyIQ;
import org.openspime.client.certification.element.PubKeysIQ;
import org.openspime.client.certification.element.RevokeIQ;

/** Registers the certification providers with Smack, once per JVM (the manager does it on first use). */
public final class CertificationProviders {
    private static boolean registered;

    private CertificationProviders() {
    }

    public static synchronized void register() {
        if (registered) {
            return;
        }
        ProviderManager.addIQProvider(PubKeyIQ.ELEMENT, PubKeyIQ.NAMESPACE, new PubKeyProvider());
        ProviderManager.addIQProvider(PubKeysIQ.ELEMENT, PubKeysIQ.NAMESPACE, new PubKeysProvider());
        ProviderManager.addIQProvider(RevokeIQ.ELEMENT, RevokeIQ.NAMESPACE, new RevokeProvider());
        ProviderManager.addIQProvider(LegacyPubKeysIQ.ELEMENT, LegacyPubKeysIQ.NAMESPACE, new LegacyPubKeysProvider());
        ProviderManager.addExtensionProvider(KeyChangeNotification.ELEMENT, KeyChangeNotification.NAMESPACE,
                new KeyChangeNotificationProvider());
        registered = true;
    }
}

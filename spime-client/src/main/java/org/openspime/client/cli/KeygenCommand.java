package org.openspime.client.cli;

import java.security.KeyPair;
import org.openspime.certification.keys.Fingerprint;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.spime.SpimeKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "keygen", mixinStandardHelpOptions = true, description = "Generate the spime's RSA key pair into its PKCS#12 key store.")
final class KeygenCommand extends SpimeSubcommand {

    @Mixin
    CommonOptions common;

    @Option(names = "--bits", defaultValue = "" + RsaKeys.DEFAULT_BITS, description = "2048 or more (default ${DEFAULT-VALUE})")
    int bits;

    @Option(names = "--force", description = "replace an existing key (it must then be published again)")
    boolean force;

    @Override
    int run() throws Exception {
        CliSettings s = common.settings();
        KeyPair pair = SpimeKeys.generate(CliSpime.keyStore(s), CliSpime.keyStorePassword(s), LocalKeyStore.CURRENT, bits, force);
        spec.commandLine().getOut().println("generated RSA-" + bits + " key " + Fingerprint.of(pair.getPublic()) + " in " + CliSpime.keyStore(s));
        return 0;
    }
}

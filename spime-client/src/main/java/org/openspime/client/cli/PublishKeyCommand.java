package org.openspime.client.cli;

import org.openspime.certification.element.KeyRecord;
import org.openspime.client.spime.Spime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "publish-key", mixinStandardHelpOptions = true, description = "Publish (or renew) the spime's public key with the gate's certification service.")
final class PublishKeyCommand extends SpimeSubcommand {

    @Mixin
    CommonOptions common;

    @Override
    int run() throws Exception {
        try (Spime spime = Spime.start(CliSpime.config(common.settings()))) {
            KeyRecord record = spime.publishKey();
            spec.commandLine().getOut().println("published " + record.pubKey().fingerprint() + " for " + spime.osid()
                    + " valid " + record.pubKey().begin() + " .. " + record.pubKey().end());
        }
        return 0;
    }
}

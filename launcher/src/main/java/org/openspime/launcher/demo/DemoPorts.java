package org.openspime.launcher.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The demo's ports: the usual ones when they are free, so the URLs it prints are the familiar ones, and any free
 * port otherwise, so that a second demo, or a gate already running, never stops it from starting.
 */
final class DemoPorts {

    private DemoPorts() {
    }

    /** {@code port} if it is free, else (or for 0) a free one. */
    static int preferred(String bindAddress, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(bindAddress))) {
            return probe.getLocalPort();
        } catch (IOException busy) {
            return free(bindAddress);
        }
    }

    private static int free(String bindAddress) {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(bindAddress))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + bindAddress, e);
        }
    }
}

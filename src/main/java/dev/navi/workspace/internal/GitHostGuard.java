package dev.navi.workspace.internal;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps git connections made for a tenant away from internal addresses: a host is refused when any of
 * its addresses is internal ({@link InternalAddresses}), unless the host name or a block holding the
 * address is in {@code navi.workspace.git-allowed-hosts}. It decides before any connection is made, so
 * the answer says nothing about the ports of the host.
 */
final class GitHostGuard {

    static final String SETTING = "navi.workspace.git-allowed-hosts";

    /** Looks up every address of a host; the JDK's resolver outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    private final Set<String> allowedNames;
    private final List<Cidr> allowedBlocks;
    private final Resolver resolver;

    GitHostGuard(List<String> allowedHosts, Resolver resolver) {
        var names = new ArrayList<String>();
        var blocks = new ArrayList<Cidr>();
        for (String entry : allowedHosts) {
            literalBlock(entry.strip()).ifPresentOrElse(blocks::add, () -> names.add(normalized(entry)));
        }
        this.allowedNames = Set.copyOf(names);
        this.allowedBlocks = List.copyOf(blocks);
        this.resolver = resolver;
    }

    GitHostGuard(List<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    /**
     * @param host the host of a git URL (an IPv6 literal with or without brackets)
     * @throws WorkspaceException INVALID for an internal address, UNAVAILABLE when the host has no address
     */
    void check(String host) {
        String name = normalized(host);
        if (allowedNames.contains(name)) {
            return;
        }
        for (InetAddress address : resolve(name)) {
            Optional<String> internal = InternalAddresses.classOf(address);
            if (internal.isPresent() && allowedBlocks.stream().noneMatch(b -> b.contains(address))) {
                throw new WorkspaceException(
                        Reason.INVALID,
                        "The git host '" + name + "' resolves to an internal address (" + internal.get()
                                + "), which is not allowed: allow-list the host or its network in " + SETTING + ".");
            }
        }
    }

    private InetAddress[] resolve(String host) {
        try {
            return resolver.addresses(host);
        } catch (UnknownHostException e) {
            throw new WorkspaceException(
                    Reason.UNAVAILABLE, "Cannot reach the git host '" + host + "': it has no address.", e);
        }
    }

    private static Optional<Cidr> literalBlock(String entry) {
        try {
            return Optional.of(Cidr.parse(entry));
        } catch (IllegalArgumentException e) {
            if (entry.contains("/")) {
                throw new IllegalArgumentException(SETTING + ": '" + entry + "' is neither a host name nor a CIDR", e);
            }
            return Optional.empty();
        }
    }

    private static String normalized(String host) {
        String bare = host.strip().toLowerCase(Locale.ROOT);
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
    }
}

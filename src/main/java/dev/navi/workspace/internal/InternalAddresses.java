package dev.navi.workspace.internal;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are internal: a git URL of a tenant may not lead there. IPv4 addresses carried in
 * IPv6 are judged as the IPv4 address they carry: the JDK turns mapped ones ({@code ::ffff:a.b.c.d})
 * into IPv4 addresses itself, compatible ({@code ::a.b.c.d}) and NAT64 ones are unwrapped here.
 */
final class InternalAddresses {

    private record Block(Cidr cidr, String name) {}

    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0/8", "unspecified"),
            block("127.0.0.0/8", "loopback"),
            block("10.0.0.0/8", "private"),
            block("172.16.0.0/12", "private"),
            block("192.168.0.0/16", "private"),
            block("100.64.0.0/10", "shared (carrier-grade NAT)"),
            block("169.254.0.0/16", "link-local"),
            block("224.0.0.0/4", "multicast"),
            block("240.0.0.0/4", "reserved"),
            block("::/128", "unspecified"),
            block("::1/128", "loopback"),
            block("fe80::/10", "link-local"),
            block("fec0::/10", "site-local"),
            block("fc00::/7", "unique-local"),
            block("ff00::/8", "multicast"));

    private static final List<Cidr> CARRYING_IPV4 = List.of(Cidr.parse("::/96"), Cidr.parse("64:ff9b::/96"));

    private InternalAddresses() {}

    /** The class of an internal address ("loopback", "private", ...), empty for a public one. */
    static Optional<String> classOf(InetAddress address) {
        Optional<String> direct = BLOCKS.stream()
                .filter(b -> b.cidr().contains(address))
                .map(Block::name)
                .findFirst();
        if (direct.isPresent()) {
            return direct;
        }
        return CARRYING_IPV4.stream()
                .filter(c -> c.contains(address))
                .findFirst()
                .flatMap(c -> classOf(carriedIpv4(address)));
    }

    private static InetAddress carriedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static Block block(String cidr, String name) {
        return new Block(Cidr.parse(cidr), name);
    }
}

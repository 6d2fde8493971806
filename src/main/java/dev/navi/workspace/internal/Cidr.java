package dev.navi.workspace.internal;

import java.net.InetAddress;

/** An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
record Cidr(byte[] network, int prefix) {

    /**
     * @param text an address literal with an optional {@code /prefix}; never a host name (no lookup)
     * @throws IllegalArgumentException when it is not such a literal
     */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        byte[] address = InetAddress.ofLiteral(slash < 0 ? text : text.substring(0, slash))
                .getAddress();
        int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("'" + text + "' has a prefix outside 0-" + address.length * 8);
        }
        return new Cidr(address, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}

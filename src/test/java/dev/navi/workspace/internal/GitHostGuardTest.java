package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.workspace.WorkspaceException;
import dev.navi.workspace.WorkspaceException.Reason;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GitHostGuardTest {

    @Nested
    class Classes {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
            "127.0.0.1, loopback",
            "127.8.9.10, loopback",
            "::1, loopback",
            "10.1.2.3, private",
            "172.16.0.1, private",
            "172.31.255.255, private",
            "192.168.1.1, private",
            "169.254.169.254, link-local",
            "fe80::1, link-local",
            "100.64.0.1, shared (carrier-grade NAT)",
            "100.127.255.255, shared (carrier-grade NAT)",
            "fd00::1, unique-local",
            "fc00::1, unique-local",
            "fec0::1, site-local",
            "::ffff:127.0.0.1, loopback",
            "::ffff:10.0.0.1, private",
            "::127.0.0.1, loopback",
            "64:ff9b::a9fe:a9fe, link-local",
            "0.0.0.0, unspecified",
            "0.1.2.3, unspecified",
            ":: , unspecified",
            "224.0.0.1, multicast",
            "ff02::1, multicast",
            "255.255.255.255, reserved"
        })
        void whenTheAddressIsInternalThenItsClassIsNamed(String address, String name) {
            assertThat(InternalAddresses.classOf(InetAddress.ofLiteral(address)))
                    .contains(name);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "192.169.0.1", "2001:4860::8888"})
        void whenTheAddressIsPublicThenItHasNoClass(String address) {
            assertThat(InternalAddresses.classOf(InetAddress.ofLiteral(address)))
                    .isEmpty();
        }
    }

    @Nested
    class Hosts {

        private final GitHostGuard guard = new GitHostGuard(List.of());

        @ParameterizedTest
        @ValueSource(strings = {"127.0.0.1", "[::1]", "::1", "10.1.2.3", "169.254.169.254", "localhost", "LOCALHOST."})
        void whenTheHostIsInternalThenInvalidNamingTheSetting(String host) {
            assertThatThrownBy(() -> guard.check(host))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID))
                    .hasMessageContaining("internal address")
                    .hasMessageContaining("navi.workspace.git-allowed-hosts");
        }

        @Test
        void whenTheMetadataAddressIsAskedForThenTheMessageNamesItsClass() {
            assertThatThrownBy(() -> guard.check("169.254.169.254")).hasMessageContaining("(link-local)");
        }

        @Test
        void whenThePublicAddressIsGivenThenAccepted() {
            assertThatCode(() -> guard.check("8.8.8.8")).doesNotThrowAnyException();
        }

        @Test
        void whenAnyOfTheHostsAddressesIsInternalThenInvalid() {
            var guard = new GitHostGuard(List.of(), host -> addresses("8.8.8.8", "10.0.0.5"));

            assertThatThrownBy(() -> guard.check("mixed.example"))
                    .hasMessageContaining("'mixed.example' resolves to an internal address (private)");
        }

        @Test
        void whenTheHostHasNoAddressThenUnavailable() {
            var guard = new GitHostGuard(List.of(), host -> {
                throw new UnknownHostException(host);
            });

            assertThatThrownBy(() -> guard.check("nowhere.example"))
                    .isInstanceOfSatisfying(
                            WorkspaceException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
        }
    }

    @Nested
    class AllowList {

        @ParameterizedTest
        @ValueSource(strings = {"10.1.2.3", "10.1.255.1"})
        void whenTheAddressIsInAnAllowListedBlockThenAccepted(String host) {
            var guard = new GitHostGuard(List.of("10.1.0.0/16"));

            assertThatCode(() -> guard.check(host)).doesNotThrowAnyException();
        }

        @Test
        void whenTheAddressIsOutsideTheAllowListedBlockThenInvalid() {
            var guard = new GitHostGuard(List.of("10.1.0.0/16"));

            assertThatThrownBy(() -> guard.check("10.2.0.1")).hasMessageContaining("(private)");
        }

        @Test
        void whenASingleAddressIsAllowListedThenOnlyItIsAccepted() {
            var guard = new GitHostGuard(List.of("127.0.0.1", "fd00::7"));

            assertThatCode(() -> guard.check("127.0.0.1")).doesNotThrowAnyException();
            assertThatCode(() -> guard.check("[fd00::7]")).doesNotThrowAnyException();
            assertThatThrownBy(() -> guard.check("127.0.0.2")).hasMessageContaining("(loopback)");
        }

        @Test
        void whenTheHostNameIsAllowListedThenItIsNotLookedUp() {
            var guard = new GitHostGuard(List.of("Git.Internal.Example"), host -> {
                throw new AssertionError("looked up " + host);
            });

            assertThatCode(() -> guard.check("git.internal.example")).doesNotThrowAnyException();
        }

        @Test
        void whenAnotherHostResolvesIntoNoAllowListedBlockThenInvalid() {
            var guard = new GitHostGuard(List.of("git.internal.example"), host -> addresses("10.0.0.9"));

            assertThatThrownBy(() -> guard.check("other.internal.example")).hasMessageContaining("(private)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.0.0.0/33", "not a block/8", "10.0.0.0/x"})
        void whenAnEntryHasASlashButIsNoBlockThenTheSettingIsRefused(String entry) {
            assertThatThrownBy(() -> new GitHostGuard(List.of(entry)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("navi.workspace.git-allowed-hosts");
        }
    }

    private static InetAddress[] addresses(String... literals) {
        return java.util.Arrays.stream(literals).map(InetAddress::ofLiteral).toArray(InetAddress[]::new);
    }
}

package com.perfectframe.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedHostsTests {

    @Test
    void ipAddressesAreRecognisedWithoutLookingAnythingUp() {
        assertThat(AllowedHosts.isAddress("10.0.0.1")).isTrue();
        assertThat(AllowedHosts.isAddress("[::1]")).isTrue();
        assertThat(AllowedHosts.isAddress("[2001:db8::7]")).isTrue();
        assertThat(AllowedHosts.isAddress("[::ffff:127.0.0.1]")).isTrue();
        for (String name : List.of(
                "::1",
                "1.2.3",
                "1.2.3.4.5",
                "01234.1.1.1",
                "1.2.3.-4",
                "300.1.1.1",
                "[evil.example]",
                "a:b.example",
                "[]")) {
            assertThat(AllowedHosts.isAddress(name)).as(name).isFalse();
        }
    }

    @Test
    void aStarAcceptsEveryNameAndAnEmptyListOnlyLoopbackNames() {
        assertThat(new AllowedHosts(List.of("*")).allows("anything.example")).isTrue();
        AllowedHosts none = new AllowedHosts(List.of());
        assertThat(none.allows("anything.example")).isFalse();
        assertThat(none.allows("localhost")).isTrue();
        assertThat(none.allows("a.b.localhost")).isTrue();
        assertThat(none.allows("localhostx")).isFalse();
        assertThat(new AllowedHosts(List.of(".")).allows("example")).isFalse();
    }
}

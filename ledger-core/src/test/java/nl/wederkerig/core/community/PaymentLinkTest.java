package nl.wederkerig.core.community;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentLinkTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://tikkie.me/pay/Gv3fT9kW2a", "https://bunq.me/LotteDeVries/12.50",
            "  https://betaalverzoek.rabobank.nl/betaalverzoek/?id=abc123  ", "https://tikkie.me:443/pay/x"})
    void acceptsHttpsLinksToAPlainHost(String typed) {
        assertThat(PaymentLink.parse(typed).value()).isEqualTo(typed.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://tikkie.me/pay/x", "javascript:alert(1)", "ftp://bunq.me/x", "tikkie.me/pay/x",
            "https://", "https:///pay", "https://user:pw@bunq.me/x", "https://bunq.me:8443/x", "https://127.0.0.1/x",
            "https://bunq.me/x y", "https://bunq.me/\u00e9", "data:text/html,hi", "//bunq.me/x", ""})
    void refusesAnythingElse(String typed) {
        assertThatThrownBy(() -> PaymentLink.parse(typed)).isInstanceOf(InvalidPaymentLink.class)
                .hasMessageNotContaining("bunq.me/x")
                .satisfies(refused -> assertThat(((InvalidPaymentLink) refused).code()).isEqualTo("payment-link-invalid"));
    }

    @org.junit.jupiter.api.Test
    void limitsTheLengthOfTheLinkAndOfItsHost() {
        String path = "a".repeat(PaymentLink.MAX_LENGTH_CHARS - "https://bunq.me/".length());
        assertThat(PaymentLink.parse("https://bunq.me/" + path).value()).hasSize(PaymentLink.MAX_LENGTH_CHARS);
        assertThatThrownBy(() -> PaymentLink.parse("https://bunq.me/" + path + "a")).isInstanceOf(InvalidPaymentLink.class);
        String host = "h".repeat(PaymentLink.MAX_HOST_CHARS - 3) + ".nl";
        assertThat(PaymentLink.parse("https://" + host + "/x").value()).contains(host);
        assertThatThrownBy(() -> PaymentLink.parse("https://h" + host + "/x")).isInstanceOf(InvalidPaymentLink.class);
    }

    @org.junit.jupiter.api.Test
    void anAccountHolderIsOneLineOfAtMostSeventyCharacters() {
        assertThat(AccountHolder.parse("  L. de Vries ").value()).isEqualTo("L. de Vries");
        assertThat(AccountHolder.parse("x".repeat(70)).value()).hasSize(70);
        assertThatThrownBy(() -> AccountHolder.parse("x".repeat(71))).isInstanceOf(InvalidAccountHolder.class);
        assertThatThrownBy(() -> AccountHolder.parse("   ")).isInstanceOf(InvalidAccountHolder.class);
        // A line break would add a line to the QR payload.
        assertThatThrownBy(() -> AccountHolder.parse("Lotte\nNL91ABNA0417164300")).isInstanceOf(InvalidAccountHolder.class);
    }
}

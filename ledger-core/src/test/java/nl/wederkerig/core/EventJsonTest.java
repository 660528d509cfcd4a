package nl.wederkerig.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.wederkerig.core.advances.AdvanceAdmitted;
import nl.wederkerig.core.advances.AdvanceBookId;
import nl.wederkerig.core.advances.AdvanceId;
import nl.wederkerig.core.advances.AdvanceLimit;
import nl.wederkerig.core.claims.ClaimId;
import nl.wederkerig.core.claims.ClaimRejected;
import nl.wederkerig.core.claims.RejectionReason;
import nl.wederkerig.core.community.AdvanceLimitSet;
import nl.wederkerig.core.community.Role;
import nl.wederkerig.core.community.RoleAssigned;
import nl.wederkerig.core.community.TrustHistoryShared;
import nl.wederkerig.core.community.TrustHistorySharingStopped;
import nl.wederkerig.core.corrections.ReversalReason;
import nl.wederkerig.core.funds.Channel;
import nl.wederkerig.core.funds.ClaimPaid;
import nl.wederkerig.core.funds.FundEntryReversed;
import nl.wederkerig.core.help.HelpId;
import nl.wederkerig.core.help.HelpKind;
import nl.wederkerig.core.help.HelpRecorded;
import nl.wederkerig.core.reciprocity.HoursDrawn;
import nl.wederkerig.core.reciprocity.ReciprocityEntryReversed;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.CommunityId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.core.shared.ReasonCode;
import nl.wederkerig.core.shared.SealedText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.wederkerig.core.TestTime.NOW;
import static nl.wederkerig.core.TestTime.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** Events are a contract with projections and the API: they must survive a JSON round trip unchanged. */
class EventJsonTest {

    static final CommunityId WEST = CommunityId.of("west");
    static final MemberId M = MemberId.of("m1");
    static final CommandId C = CommandId.of("c1");
    static final InitiativeId I = InitiativeId.of("i0");

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void eventsRoundTrip() throws Exception {
        ClaimPaid paid = new ClaimPaid(I, WEST, C, ClaimId.of("claim-1"), M, MemberId.of("m2"), Money.eur("12.50"), Channel.BANK, TODAY, M, NOW);
        HoursDrawn drawn = new HoursDrawn(PartnerId.of("p0"), WEST, C, I, Hours.ofMinutes(20), TODAY, M, NOW);
        List<Object> events = List.of(
                paid,
                new FundEntryReversed(I, WEST, CommandId.of("c2"), paid, ReversalReason.DUPLICATE, TODAY, M, NOW),
                new ReciprocityEntryReversed(PartnerId.of("p0"), WEST, CommandId.of("c2"), drawn, ReversalReason.OTHER, TODAY, M, NOW),
                new AdvanceAdmitted(new AdvanceBookId(WEST, M), WEST, M, AdvanceId.of("a1"), Money.eur("5.00"), 1, Money.eur("5.00"), TODAY, M, NOW),
                new AdvanceLimitSet(WEST, C, new AdvanceLimit(3, null), TODAY, M, NOW),
                new RoleAssigned(WEST, C, M, Role.treasurerOf(I), TODAY, M, NOW),
                new TrustHistoryShared(WEST, C, MemberId.of("m2"), TODAY, M, NOW),
                new TrustHistorySharingStopped(WEST, CommandId.of("c2"), MemberId.of("m2"), TODAY, M, NOW),
                new ClaimRejected(ClaimId.of("claim-1"), WEST, I, C, M, RejectionReason.NO_BUDGET, ReasonCode.of("budget-2026"), TODAY, M, NOW),
                new HelpRecorded(HelpId.of("h1"), WEST, M, MemberId.of("m2"), Hours.ofMinutes(140), HelpKind.CARE,
                        new SealedText("key-m2", "AAECAw=="), TODAY, M, NOW));
        for (Object event : events) {
            String text = json.writeValueAsString(event);
            assertThat(json.readValue(text, event.getClass())).as(text).isEqualTo(event);
        }
    }

    @Test
    void moneyAndIdsKeepTheirDocumentedShape() throws Exception {
        String text = json.writeValueAsString(new AdvanceAdmitted(new AdvanceBookId(WEST, M), WEST, M, AdvanceId.of("a1"),
                Money.eur("5.00"), 1, Money.eur("5.00"), TODAY, M, NOW));
        assertThat(text).contains("\"bookId\":\"west.m1\"", "\"amount\":{\"amount\":\"5.00\",\"currency\":\"EUR\"}",
                "\"businessDate\":\"2026-11-23\"", "\"recordedAt\":\"2026-11-23T10:15:30Z\"");
    }
}

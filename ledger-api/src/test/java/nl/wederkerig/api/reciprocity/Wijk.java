package nl.wederkerig.api.reciprocity;

import nl.wederkerig.core.community.HourValuationMethod;
import nl.wederkerig.api.logins.LoginStore;
import nl.wederkerig.api.platform.time.LedgerTime;
import nl.wederkerig.api.support.OwnCommunity;
import nl.wederkerig.core.community.CommunityName;
import nl.wederkerig.core.community.SetHourValuation;
import nl.wederkerig.core.reciprocity.RecordHoursDrawn;
import nl.wederkerig.core.reciprocity.RecordMoneyReturned;
import nl.wederkerig.core.reciprocity.RecordServiceDrawn;
import nl.wederkerig.core.reciprocity.ServiceCategory;
import nl.wederkerig.core.shared.CommandId;
import nl.wederkerig.core.shared.Hours;
import nl.wederkerig.core.shared.InitiativeId;
import nl.wederkerig.core.shared.MemberId;
import nl.wederkerig.core.shared.Money;
import nl.wederkerig.core.shared.PartnerId;
import nl.wederkerig.projections.reciprocity.PartnerReciprocity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A wijk named Oud-Mathenesse whose care partner drew, today, 6 × 90 minutes for one initiative
 * ({@code meals}) and 1 hour for another ({@code help}) at €12.00 an hour, 7 meals, and returned
 * €20.00; with a representative of the partner and a neighbour, both with logins.
 */
record Wijk(OwnCommunity community, PartnerId partner, InitiativeId meals, InitiativeId help, MemberId representative,
            MemberId neighbour) {

    static final String NAME = "Oud-Mathenesse";

    static Wijk withEntries(CommandGateway commands, LoginStore accounts, JdbcTemplate jdbc) {
        LocalDate today = LocalDate.now(LedgerTime.ZONE);
        OwnCommunity wijk = OwnCommunity.found(commands, accounts, jdbc, "partners", CommunityName.of(NAME));
        commands.sendAndWait(new SetHourValuation(wijk.id, CommandId.of("valuation"), Money.eur("12.00"), today, HourValuationMethod.FIXED_AGREED, today,
                wijk.coordinator));
        InitiativeId meals = wijk.initiative("aanschuiven");
        InitiativeId help = wijk.initiative("buurthulp");
        PartnerId partner = wijk.partner("zorg");
        MemberId representative = wijk.member("rita");
        MemberId neighbour = wijk.member("amina");
        wijk.representative(representative, partner);
        for (int i = 0; i < 6; i++) {
            commands.sendAndWait(new RecordHoursDrawn(partner, CommandId.of("h" + i), wijk.id, meals, Hours.ofMinutes(90),
                    today, wijk.coordinator));
        }
        commands.sendAndWait(new RecordHoursDrawn(partner, CommandId.of("h-help"), wijk.id, help, Hours.ofMinutes(60), today,
                wijk.coordinator));
        commands.sendAndWait(new RecordServiceDrawn(partner, CommandId.of("s1"), wijk.id, meals, ServiceCategory.MEAL, 7,
                today, wijk.coordinator));
        commands.sendAndWait(new RecordMoneyReturned(partner, CommandId.of("m1"), wijk.id, help, Money.eur("20.00"), today,
                wijk.coordinator));
        PartnerReciprocity reciprocity = new PartnerReciprocity(jdbc);
        await().atMost(Duration.ofSeconds(15)).until(() -> reciprocity.balanceOf(wijk.id, partner, today).returnedMoney()
                .equals(Money.eur("20.00")) && NAME.equals(reciprocity.nameOf(wijk.id)));
        return new Wijk(wijk, partner, meals, help, representative, neighbour);
    }

    /** Everyone of the wijk a partner's page or document must never name. */
    List<MemberId> people() {
        return List.of(community.coordinator, representative, neighbour);
    }
}

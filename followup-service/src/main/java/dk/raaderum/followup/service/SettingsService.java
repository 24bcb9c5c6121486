package dk.raaderum.followup.service;

import dk.raaderum.followup.config.FollowupConfig;
import dk.raaderum.followup.domain.AuditAction;
import dk.raaderum.followup.domain.FollowupSettings;
import dk.raaderum.followup.domain.Initiative;
import dk.raaderum.followup.domain.SlotRules;
import dk.raaderum.followup.domain.Thresholds;
import dk.raaderum.followup.repository.InitiativeRepository;
import dk.raaderum.followup.repository.SettingsRepository;
import dk.raaderum.followup.service.SettingsModels.SettingsInput;
import dk.raaderum.followup.service.SettingsModels.SettingsView;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A municipality's cadence, due dates and thresholds; the configured defaults until it saves its own. */
@ApplicationScoped
public class SettingsService {

    /** 422 rule: the yearly due day is a day of the due month. */
    public static final String RULE_INVALID_DUE_DATE = "invalid-due-date";
    /** 422 rule: the amber threshold is below the green one. */
    public static final String RULE_THRESHOLDS_ORDER = "thresholds-order";

    private static final Logger LOG = Logger.getLogger(SettingsService.class);

    private final SettingsRepository settings;
    private final InitiativeRepository initiatives;
    private final SlotPlanning planning;
    private final AuditTrail audit;
    private final FollowupConfig.Defaults defaults;
    private final Clock clock;

    public SettingsService(SettingsRepository settings, InitiativeRepository initiatives, SlotPlanning planning,
            AuditTrail audit, FollowupConfig config, Clock clock) {
        this.settings = settings;
        this.initiatives = initiatives;
        this.planning = planning;
        this.audit = audit;
        this.defaults = config.defaults();
        this.clock = clock;
    }

    public SettingsView get(String municipality) {
        return view(effective(municipality));
    }

    /**
     * Saves the settings. A changed cadence or due date re-plans the slots of every active initiative's years that
     * have only PENDING slots; years with a report or an overdue slot keep theirs. Thresholds apply at once to every
     * status shown (reports keep the status they were published with).
     */
    @Transactional
    public SettingsView update(Actor actor, String municipality, SettingsInput input, Optional<Long> ifMatch) {
        FollowupSettings current = settings.findByIdOptional(municipality).orElse(null);
        // the defaults are version 0 (their ETag): the first save names it too, as the price index's first edit does
        EntityTags.requireUnchanged(ifMatch, input.version(), current == null ? 0 : current.version);
        check(input);
        FollowupSettings before = current == null ? defaults(municipality) : current;
        SlotRules oldRules = before.slotRules();
        FollowupSettings target = current;
        Instant now = clock.instant();
        if (target == null) {
            target = new FollowupSettings();
            target.municipality = municipality;
            target.version = 1;
        }
        target.cadence = input.cadence();
        target.yearlyDueMonth = input.yearlyDueMonth();
        target.yearlyDueDay = input.yearlyDueDay();
        target.quarterlyDueDays = input.quarterlyDueDays();
        target.greenThresholdPercent = input.greenThresholdPercent();
        target.amberThresholdPercent = input.amberThresholdPercent();
        target.updatedAt = now;
        target.updatedBy = actor.name();
        if (current == null) {
            settings.persist(target);
        }
        SlotRules newRules = target.slotRules();
        if (!newRules.equals(oldRules)) {
            replan(actor, municipality, oldRules, newRules, now);
        }
        settings.flush();
        return view(target);
    }

    private static void check(SettingsInput input) {
        if (input.amberThresholdPercent().compareTo(input.greenThresholdPercent()) > 0) {
            throw ProblemException.ruleViolation(RULE_THRESHOLDS_ORDER, "The amber threshold ("
                    + input.amberThresholdPercent() + " %) cannot be above the green threshold ("
                    + input.greenThresholdPercent() + " %)");
        }
        try {
            MonthDay.of(input.yearlyDueMonth(), input.yearlyDueDay());
        } catch (DateTimeException e) {
            throw ProblemException.ruleViolation(RULE_INVALID_DUE_DATE, "Day " + input.yearlyDueDay() + " of month "
                    + input.yearlyDueMonth() + " is not a date");
        }
    }

    /** The slots of every active initiative's years that have only PENDING slots, by the new cadence and due date. */
    private void replan(Actor actor, String municipality, SlotRules oldRules, SlotRules newRules, Instant now) {
        int replanned = 0;
        for (Initiative initiative : initiatives.lockActiveWithSlots(municipality)) {
            if (planning.reschedule(initiative, newRules)) {
                initiative.refreshFigures();
                replanned++;
                audit.record(initiative.id, AuditAction.SLOTS_REPLANNED, actor, now,
                        "Rapporteringsfrekvens/frist ændret: " + describe(oldRules) + " → " + describe(newRules));
            }
        }
        LOG.infof("Follow-up settings of %s changed by %s: %d initiative(s) re-planned", municipality, actor.name(),
                replanned);
    }

    /** The settings in force: the municipality's own, or the defaults (not saved, version 0). */
    public FollowupSettings effective(String municipality) {
        return settings.findByIdOptional(municipality).orElseGet(() -> defaults(municipality));
    }

    public SlotRules rules(String municipality) {
        return effective(municipality).slotRules();
    }

    public Thresholds thresholds(String municipality) {
        return effective(municipality).thresholds();
    }

    /** The thresholds of every municipality that saved its own; the rest use {@link #defaultThresholds()}. */
    public Map<String, Thresholds> savedThresholds() {
        Map<String, Thresholds> byMunicipality = new HashMap<>();
        settings.listAll().forEach(s -> byMunicipality.put(s.municipality, s.thresholds()));
        return byMunicipality;
    }

    public Thresholds defaultThresholds() {
        return new Thresholds(defaults.greenThresholdPercent(), defaults.amberThresholdPercent());
    }

    private FollowupSettings defaults(String municipality) {
        FollowupSettings d = new FollowupSettings();
        d.municipality = municipality;
        d.cadence = defaults.cadence();
        d.yearlyDueMonth = defaults.yearlyDueMonth();
        d.yearlyDueDay = defaults.yearlyDueDay();
        d.quarterlyDueDays = defaults.quarterlyDueDays();
        d.greenThresholdPercent = defaults.greenThresholdPercent();
        d.amberThresholdPercent = defaults.amberThresholdPercent();
        d.version = 0;
        return d;
    }

    private static String describe(SlotRules rules) {
        return switch (rules.cadence()) {
            case YEARLY -> "årlig, frist " + rules.yearlyDue().getDayOfMonth() + "/" + rules.yearlyDue().getMonthValue()
                    + " året efter";
            case QUARTERLY -> "kvartalsvis, frist " + rules.quarterlyDueDays() + " dage efter kvartalet";
        };
    }

    private static SettingsView view(FollowupSettings s) {
        return new SettingsView(s.municipality, s.cadence, s.yearlyDueMonth, s.yearlyDueDay, s.quarterlyDueDays,
                s.greenThresholdPercent, s.amberThresholdPercent, s.version == 0, s.updatedAt, s.updatedBy, s.version);
    }
}

package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.FollowupSettings;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import jakarta.enterprise.context.ApplicationScoped;

/** Keyed by municipality code. */
@ApplicationScoped
public class SettingsRepository implements PanacheRepositoryBase<FollowupSettings, String> {
}

package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A policy area of a municipality's register as target-service published it; retired areas ({@code active} false)
 * are kept, their codes stay valid for history but not for new catalog areas.
 */
@Entity
@Table(name = "policy_area_copy")
public class RegisteredArea {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(nullable = false, length = 10)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "main_account", nullable = false)
    public int mainAccount;

    @Column(length = 200)
    public String committee;

    @Column(nullable = false)
    public boolean active;
}

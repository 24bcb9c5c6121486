package dk.raaderum.target.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/**
 * A municipality's plan of the five paths to fiscal room for one budget year. The plan stores what the finance
 * department decides (room needed, the quiet path's withheld compensation, the direct path's frame reduction, which
 * analyses make the narrow path) as a JSON document; the broad and cross-cutting paths come live from adopted
 * proposals ({@link FivePaths}).
 */
@Entity
@Table(name = "path_plan")
public class PathPlan extends Audited {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(nullable = false, length = 200)
    public String title;

    /** The plan's inputs as JSON (service.PathPlanModels.PathPlanInput without title and version). */
    @Column(nullable = false, columnDefinition = "text")
    public String input;
}

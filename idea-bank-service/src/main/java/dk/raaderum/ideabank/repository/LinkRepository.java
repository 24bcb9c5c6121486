package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.IdeaLink;
import dk.raaderum.ideabank.domain.LinkType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class LinkRepository implements PanacheRepository<IdeaLink> {

    /** Links from or to the idea. */
    public List<IdeaLink> of(long ideaId) {
        return list("fromIdeaId = ?1 or toIdeaId = ?1 order by id", ideaId);
    }

    public Optional<IdeaLink> find(long from, long to, LinkType type) {
        return find("fromIdeaId = ?1 and toIdeaId = ?2 and type = ?3", from, to, type).firstResultOptional();
    }

    /** Whether any link joins the two ideas, either way. */
    public boolean linked(long a, long b) {
        return count("(fromIdeaId = ?1 and toIdeaId = ?2) or (fromIdeaId = ?2 and toIdeaId = ?1)", a, b) > 0;
    }
}

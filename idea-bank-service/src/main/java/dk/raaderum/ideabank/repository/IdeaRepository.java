package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.Idea;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class IdeaRepository implements PanacheRepository<Idea> {

    public List<Idea> newestFirst(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}

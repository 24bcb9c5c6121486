package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.IdeaImport;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ImportRepository implements PanacheRepository<IdeaImport> {

    public List<IdeaImport> newestFirst(int page, int size) {
        return find("order by id desc").page(Page.of(page, size)).list();
    }
}

package dk.raaderum.ideabank.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.ideabank.domain.IdeaContent;
import dk.raaderum.ideabank.domain.IdeaRules;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.ideabank.service.demo.DemoTemplates.Template;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/** The demo material covers every policy area, and every idea made from it keeps the rules of the bank. */
class DemoIdeasTest {

    @Test
    void theTemplatesCoverEveryAreaAndTypeAndHaveGroupsOfVariants() {
        List<Template> templates = DemoTemplates.load();
        assertTrue(templates.size() >= 100, "templates: " + templates.size());
        Set<String> areas = templates.stream().map(Template::area).collect(Collectors.toSet());
        assertEquals(PolicyAreas.all().stream().map(a -> a.code()).collect(Collectors.toSet()), areas);
        assertEquals(4, templates.stream().map(Template::type).distinct().count());
        long variantGroups = templates.stream().collect(Collectors.groupingBy(Template::group, Collectors.counting()))
                .values().stream().filter(n -> n > 1).count();
        assertTrue(variantGroups >= 10, "groups with variants: " + variantGroups);
    }

    @Test
    void everyDemoIdeaKeepsTheRules() {
        Random random = new Random(7);
        List<String> broken = new ArrayList<>();
        for (Template template : DemoTemplates.load()) {
            for (int year = 2019; year <= 2023; year++) {
                IdeaContent content = DemoIdeas.content(template, year, "T-" + year, random);
                IdeaRules.check(content, false).forEach(v -> broken.add(template.title() + " " + v));
            }
        }
        assertEquals(List.of(), broken);
    }
}

package dk.raaderum.platform.messaging.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "test_note")
public class TestNote extends PanacheEntity {

    public String municipality;
    public String title;
    @Version
    public long version;
}

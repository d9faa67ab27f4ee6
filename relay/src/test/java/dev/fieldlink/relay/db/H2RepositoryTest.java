package dev.fieldlink.relay.db;

import dev.fieldlink.relay.config.RelaySettings;
import java.util.UUID;

/** The repository tests on embedded H2. */
class H2RepositoryTest extends RepositoryContract {
    @Override
    Database openDatabase() {
        return Database.open(
                new RelaySettings.Db("jdbc:h2:mem:repo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", null, 4));
    }
}

package dev.navi.tasks.internal;

import static dev.navi.tasks.internal.TaskDatabase.admin;
import static dev.navi.tasks.internal.TaskDatabase.caller;
import static dev.navi.tasks.internal.TaskDatabase.newTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.events.TaskEvent;
import dev.navi.security.Caller;
import dev.navi.tasks.Task;
import dev.navi.tasks.TaskNotFoundException;
import dev.navi.tasks.TaskStatus;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every query of the tasks module is confined to the caller's tenant in its SQL; admins see all. */
class TenantScopeTest {

    private final TaskDatabase db = new TaskDatabase();
    private final Caller alice = caller("alice", "acme");
    private final Caller bob = caller("bob", "globex");
    private final Task acmeTask = db.catalog.submit(alice, newTask("acme's task"));
    private final Task globexTask = db.catalog.submit(bob, newTask("globex's task"));

    @Nested
    class Submission {

        @Test
        void whenACallerSubmitsThenTheTaskHasTheCallersTenantAndSubject() {
            assertThat(acmeTask.tenant()).isEqualTo("acme");
            assertThat(acmeTask.owner()).isEqualTo("alice");
            assertThat(db.published)
                    .filteredOn(TaskEvent.TaskQueued.class::isInstance)
                    .map(event -> ((TaskEvent.TaskQueued) event).owner())
                    .containsExactly("alice", "bob");
        }

        @Test
        void whenACallerSubmitsThenTheWorkspaceIsCheckedForTheCallersTenant() {
            assertThat(db.validatedTenants).containsExactly("acme", "globex");
        }
    }

    @Nested
    class Reading {

        @Test
        void whenATenantAsksForItsOwnTaskThenItIsFound() {
            assertThat(db.catalog.find(alice, acmeTask.id())).map(Task::prompt).contains("acme's task");
        }

        @Test
        void whenATenantAsksForAnotherTenantsTaskThenItIsEmptyLikeAMissingOne() {
            assertThat(db.catalog.find(alice, globexTask.id())).isEmpty();
            assertThat(db.catalog.find(bob, acmeTask.id())).isEmpty();
            assertThat(db.catalog.find(alice, UUID.randomUUID())).isEmpty();
        }

        @Test
        void whenAnotherUserOfTheSameTenantAsksThenTheTaskIsFound() {
            assertThat(db.catalog.find(caller("carol", "acme"), acmeTask.id())).isPresent();
        }

        @Test
        void whenAnAdminAsksThenEveryTenantsTaskIsFound() {
            assertThat(db.catalog.find(admin(), acmeTask.id())).isPresent();
            assertThat(db.catalog.find(admin(), globexTask.id())).isPresent();
        }

        @Test
        void whenATenantAsksForAnotherTenantsDiffThenItIsEmpty() {
            db.jdbc.sql("update tasks set diff = 'secret diff'").update();

            assertThat(db.catalog.storedDiff(alice, globexTask.id())).isEmpty();
            assertThat(db.catalog.storedDiff(bob, globexTask.id())).contains("secret diff");
            assertThat(db.catalog.storedDiff(admin(), acmeTask.id())).contains("secret diff");
        }
    }

    @Nested
    class Listing {

        @Test
        void whenATenantListsThenOnlyItsOwnTasksAreShown() {
            assertThat(db.catalog.list(alice, null, null, null, null).items())
                    .extracting(Task::id)
                    .containsExactly(acmeTask.id());
        }

        @Test
        void whenATenantNamesAnotherTenantThenItStillSeesOnlyItsOwn() {
            assertThat(db.catalog.list(alice, "globex", null, null, null).items())
                    .extracting(Task::id)
                    .containsExactly(acmeTask.id());
        }

        @Test
        void whenAnAdminListsThenEveryTenantsTasksAreShownNewestFirst() {
            assertThat(db.catalog.list(admin(), null, null, null, null).items())
                    .extracting(Task::id)
                    .containsExactly(globexTask.id(), acmeTask.id());
        }

        @Test
        void whenAnAdminNamesATenantThenOnlyThatTenantsTasksAreShown() {
            assertThat(db.catalog.list(admin(), "globex", null, null, null).items())
                    .extracting(Task::id)
                    .containsExactly(globexTask.id());
        }

        @Test
        void whenATenantPagesThroughItsTasksThenNoOtherTenantsTaskAppears() {
            var second = db.catalog.submit(alice, newTask("acme's second task"));
            db.catalog.submit(bob, newTask("globex's second task"));

            var first = db.catalog.list(alice, null, TaskStatus.QUEUED, null, 1);
            var next = db.catalog.list(alice, null, TaskStatus.QUEUED, first.nextCursor(), 1);

            assertThat(first.items()).extracting(Task::id).containsExactly(second.id());
            assertThat(next.items()).extracting(Task::id).containsExactly(acmeTask.id());
            assertThat(next.nextCursor()).isNull();
        }
    }

    @Nested
    class Cancelling {

        @Test
        void whenATenantCancelsAnotherTenantsTaskThenNotFoundAndTheTaskIsUntouched() {
            assertThatThrownBy(() -> db.catalog.cancel(alice, globexTask.id()))
                    .isInstanceOf(TaskNotFoundException.class)
                    .hasMessage(new TaskNotFoundException(globexTask.id()).getMessage());

            assertThat(db.catalog.find(bob, globexTask.id())).map(Task::status).contains(TaskStatus.QUEUED);
        }

        @Test
        void whenATenantCancelsItsOwnTaskThenItIsCancelled() {
            assertThat(db.catalog.cancel(alice, acmeTask.id()).status()).isEqualTo(TaskStatus.CANCELLED);
        }

        @Test
        void whenAnAdminCancelsAnyTenantsTaskThenItIsCancelled() {
            assertThat(db.catalog.cancel(admin(), globexTask.id()).status()).isEqualTo(TaskStatus.CANCELLED);
        }
    }

    @Nested
    class EventsAccess {

        @Test
        void whenATenantAsksAboutItsOwnTaskThenItIsVisible() {
            assertThat(db.visibility.visible(acmeTask.id(), alice)).isTrue();
        }

        @Test
        void whenATenantAsksAboutAnotherTenantsOrAMissingTaskThenItIsInvisible() {
            assertThat(db.visibility.visible(globexTask.id(), alice)).isFalse();
            assertThat(db.visibility.visible(UUID.randomUUID(), alice)).isFalse();
        }

        @Test
        void whenAnAdminAsksThenEveryTenantsTaskIsVisible() {
            assertThat(db.visibility.visible(globexTask.id(), admin())).isTrue();
            assertThat(db.visibility.visible(UUID.randomUUID(), admin())).isFalse();
        }
    }

    @Nested
    class Workers {

        @Test
        void whenAWorkerClaimsATaskThenItCarriesTheTenantAndOwner() {
            var claimed = db.claim("worker").orElseThrow();

            assertThat(claimed.tenant()).isEqualTo("acme");
            assertThat(claimed.owner()).isEqualTo("alice");
        }

        @Test
        void whenTheSystemLooksUpATaskThenAnyTenantsTaskIsFound() {
            assertThat(db.queue.find(globexTask.id())).map(Task::tenant).contains("globex");
        }
    }
}

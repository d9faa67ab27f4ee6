package dev.fieldlink.console.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.UiTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The form checks happen before any network call; each names what is wrong. */
class LoginControllerTest {
    private final List<LoginController.State> states = new ArrayList<>();
    private final List<String> clientsMade = new ArrayList<>();
    private final LoginController controller = new LoginController(
            new UiTasks(Runnable::run, Runnable::run),
            new Messages(Locale.ENGLISH),
            (address, tls) -> {
                clientsMade.add(address.display());
                throw new IllegalStateException("no network in this test");
            },
            signedIn -> {});

    private String errorFor(String relay, String pin, String user, String password, String code) {
        controller.setListener(states::add);
        controller.signIn(new LoginController.Form(relay, pin, user, password.toCharArray(), code));
        return controller.state().error();
    }

    @Test
    void eachFormProblem_isNamed_andNoClientIsMade() {
        assertThat(errorFor("http://relay", "", "anna", "pw", "123456"))
                .contains("http://relay")
                .contains("not valid");
        assertThat(errorFor("relay", "SHA256:short", "anna", "pw", "123456")).contains("fingerprint");
        assertThat(errorFor("relay", "", " ", "pw", "123456")).isEqualTo("Enter your username.");
        assertThat(errorFor("relay", "", "anna", "", "123456")).isEqualTo("Enter your password.");
        assertThat(errorFor("relay", "", "anna", "pw", "12ab")).contains("6-digit code");
        assertThat(clientsMade).isEmpty();
        assertThat(states).noneMatch(LoginController.State::working);
    }

    @Test
    void validForm_startsWork_andAFailureIsWorded() {
        String error = errorFor("relay.example.com", "", "anna", "pw", "123 456");
        assertThat(clientsMade).containsExactly("relay.example.com");
        assertThat(states).anyMatch(LoginController.State::working);
        assertThat(error).isEqualTo("Something went wrong: no network in this test");
        assertThat(controller.state().working()).isFalse();
    }
}

package dev.fieldlink.console.ui.login;

/**
 * A sandbox account offered on the sign-in screen. Only the sandbox has these: its passwords and TOTP secrets
 * are throw-away values printed for trainees.
 *
 * @param label what the trainee picks, e.g. "Technician DACH – presses"
 */
public record TraineeAccount(String label, String username, String password, String totpSecret) {
    @Override
    public String toString() {
        return label;
    }
}

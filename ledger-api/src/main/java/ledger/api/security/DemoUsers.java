package ledger.api.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo users' passwords are printed in the README, so anyone may sign in with them: they work
 * only while the {@code demo} profile is on (the embedded default, {@code ledger serve --demo}).
 * Elsewhere a configured user whose stored hash matches a demo password is left out, whatever its
 * name, and the log says so.
 */
public final class DemoUsers {

    public static final String PROFILE = "demo";
    static final List<String> PASSWORDS = List.of("clerk-demo", "approver-demo", "auditor-demo");

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    private static final PasswordEncoder HASHES =
            PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private DemoUsers() {}

    /** True when the stored hash is that of a published demo password. */
    static boolean hasDemoPassword(String storedHash) {
        for (String password : PASSWORDS) {
            try {
                if (HASHES.matches(password, storedHash)) {
                    return true;
                }
            } catch (IllegalArgumentException unknownHashKind) {
                return false;
            }
        }
        return false;
    }

    static void refused(String user) {
        log.error(
                "用户 {} 的密码是 README 中公开的演示密码，未启用 demo 配置时不能登录：请为其配置自己的密码哈希"
                        + " (user {} has a published demo password and cannot sign in outside the demo profile)",
                user,
                user);
    }
}

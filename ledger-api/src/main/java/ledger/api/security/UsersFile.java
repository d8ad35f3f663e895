package ledger.api.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import ledger.api.config.PrivateFiles;
import ledger.api.security.LedgerSecurityProperties.ConfiguredUser;
import ledger.core.text.Reason;
import ledger.core.text.Refusal;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The users an operator adds with {@code ledger user add}: {@code users.yml} in the data directory,
 * which the application imports as configuration ({@code ledger.security.users}). It holds bcrypt
 * hashes only, is owner-only, and is replaced whole on each change (written beside, then moved), so
 * a crash never leaves half a file.
 */
public final class UsersFile {

    /**
     * Lower-case letters, digits, dot, dash and underscore: a name that needs no quoting anywhere.
     */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private static final Pattern UNIT = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int MINIMUM_PASSWORD_LENGTH = 12;
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder();

    private final Path file;

    public UsersFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The users in the file, in its order; none when there is no file yet. */
    public List<ConfiguredUser> users() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            List<ConfiguredUser> users = new ArrayList<>();
            for (Object entry : usersOf(document)) {
                if (!(entry instanceof Map<?, ?> user)) {
                    throw new Refusal(Reason.of("users.notMapping", file));
                }
                users.add(
                        new ConfiguredUser(
                                String.valueOf(user.get("name")),
                                String.valueOf(user.get("password")),
                                strings(user.get("roles")),
                                strings(user.get("units")),
                                strings(user.get("departments"))));
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException(Reason.of("users.unreadable", file).chinese(), e);
        }
    }

    /** Adds a user with a new bcrypt hash of {@code password}; refuses a name already there. */
    public ConfiguredUser add(
            String name, String password, List<String> roles, List<String> units) {
        return add(name, password, roles, units, List.of());
    }

    /**
     * As above, also granting departments (an auditor's or approver's: all their units and their
     * consolidated statements).
     */
    public ConfiguredUser add(
            String name,
            String password,
            List<String> roles,
            List<String> units,
            List<String> departments) {
        checkName(name);
        checkPassword(password);
        List<String> roleNames =
                roles.stream()
                        .map(
                                role ->
                                        LedgerRole.parse(role)
                                                .name()
                                                .toLowerCase(java.util.Locale.ROOT))
                        .distinct()
                        .toList();
        if (roleNames.isEmpty()) {
            throw new Refusal(Reason.of("users.noRole"));
        }
        for (String unit : units) {
            if (!UNIT.matcher(unit).matches()) {
                throw new Refusal(Reason.of("users.unitCode", unit));
            }
        }
        if (units.isEmpty()) {
            throw new Refusal(Reason.of("users.noUnits"));
        }
        for (String department : departments) {
            if (!UNIT.matcher(department).matches()) {
                throw new Refusal(Reason.of("users.departmentCode", department));
            }
        }
        if (!departments.isEmpty() && roleNames.equals(List.of("recorder"))) {
            throw new Refusal(Reason.of("users.departmentsOfRecorder"));
        }
        List<ConfiguredUser> users = new ArrayList<>(users());
        if (users.stream().anyMatch(user -> user.name().equals(name))) {
            throw new Refusal(Reason.of("users.exists", name));
        }
        ConfiguredUser added =
                new ConfiguredUser(
                        name,
                        hash(password),
                        roleNames,
                        List.copyOf(units),
                        List.copyOf(departments));
        users.add(added);
        write(users);
        return added;
    }

    /** Replaces the user's hash; refuses a user the file does not hold. */
    public void changePassword(String name, String password) {
        checkPassword(password);
        List<ConfiguredUser> users = new ArrayList<>(users());
        for (int i = 0; i < users.size(); i++) {
            ConfiguredUser user = users.get(i);
            if (user.name().equals(name)) {
                users.set(
                        i,
                        new ConfiguredUser(
                                name,
                                hash(password),
                                user.roles(),
                                user.units(),
                                user.departments()));
                write(users);
                return;
            }
        }
        throw new Refusal(Reason.of("users.noSuchUser", name, file));
    }

    /** A hash for the configuration: {@code {bcrypt}$2a$10$…}. */
    public static String hash(String password) {
        checkPassword(password);
        return "{bcrypt}" + BCRYPT.encode(password);
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new Refusal(Reason.of("users.nameFormat", name));
        }
    }

    private static void checkPassword(String password) {
        if (password == null
                || password.codePointCount(0, password.length()) < MINIMUM_PASSWORD_LENGTH) {
            throw new Refusal(Reason.of("users.passwordShort", MINIMUM_PASSWORD_LENGTH));
        }
    }

    private void write(List<ConfiguredUser> users) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ConfiguredUser user : users) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", user.name());
            entry.put("password", user.password());
            entry.put("roles", user.roles());
            entry.put("units", user.units());
            if (!user.departments().isEmpty()) {
                entry.put("departments", user.departments());
            }
            entries.add(entry);
        }
        Map<String, Object> document =
                Map.of("ledger", Map.of("security", Map.of("users", entries)));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String text =
                "# ledger user add|passwd 维护；只存 bcrypt 散列 (written by ledger user; bcrypt hashes only)\n"
                        + new Yaml(new Representer(options), options).dump(document);
        try {
            PrivateFiles.directory(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(next);
            PrivateFiles.createFile(next);
            Files.writeString(next, text, StandardCharsets.UTF_8);
            Files.move(
                    next,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(Reason.of("users.unwritable", file).chinese(), e);
        }
    }

    private static List<?> usersOf(Object document) {
        Object users = document;
        for (String key : List.of("ledger", "security", "users")) {
            users = users instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return users instanceof List<?> list ? list : List.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }
}

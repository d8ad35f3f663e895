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
                    throw new IllegalArgumentException(
                            file + "：用户条目不是映射 (a user entry is not a mapping)");
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
            throw new UncheckedIOException("无法读取用户文件 cannot read the users file " + file, e);
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
            throw new IllegalArgumentException(
                    "--role：至少一个角色 recorder、approver 或 auditor (at least one role)");
        }
        for (String unit : units) {
            if (!UNIT.matcher(unit).matches()) {
                throw new IllegalArgumentException("--units：单位代码不合法 (not a unit code): " + unit);
            }
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException(
                    "--units：至少一个单位，或 * 表示全部单位 (at least one unit, or * for all)");
        }
        for (String department : departments) {
            if (!UNIT.matcher(department).matches()) {
                throw new IllegalArgumentException(
                        "--departments：部门代码不合法 (not a department code): " + department);
            }
        }
        if (!departments.isEmpty() && roleNames.equals(List.of("recorder"))) {
            throw new IllegalArgumentException(
                    "--departments：部门只授予 auditor 或 approver (departments are granted to"
                            + " auditors and approvers; a recorder is granted units)");
        }
        List<ConfiguredUser> users = new ArrayList<>(users());
        if (users.stream().anyMatch(user -> user.name().equals(name))) {
            throw new IllegalArgumentException(
                    "用户 " + name + " 已存在，改密码请用 ledger user passwd (the user exists)");
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
        throw new IllegalArgumentException("用户文件中没有用户 " + name + " (no such user in " + file + ")");
    }

    /** A hash for the configuration: {@code {bcrypt}$2a$10$…}. */
    public static String hash(String password) {
        checkPassword(password);
        return "{bcrypt}" + BCRYPT.encode(password);
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "用户名只能用小写字母、数字和 . _ -，最长 64 个字符"
                            + " (a user name is lower-case letters, digits, . _ -, at most 64): "
                            + name);
        }
    }

    private static void checkPassword(String password) {
        if (password == null
                || password.codePointCount(0, password.length()) < MINIMUM_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(
                    "密码至少 "
                            + MINIMUM_PASSWORD_LENGTH
                            + " 个字符 (a password has at least "
                            + MINIMUM_PASSWORD_LENGTH
                            + " characters)");
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
            throw new UncheckedIOException("无法写入用户文件 cannot write the users file " + file, e);
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

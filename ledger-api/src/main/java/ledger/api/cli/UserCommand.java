package ledger.api.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import ledger.api.config.LedgerHome;
import ledger.api.security.LedgerSecurityProperties.ConfiguredUser;
import ledger.api.security.UsersFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ledger user add|passwd|list|hash}: the sign-in users of {@code ledger serve}, kept as
 * bcrypt hashes in {@code users.yml} of the data directory. A running server reads the file when it
 * starts. The new password comes from {@code LEDGER_NEW_PASSWORD}, else it is asked twice on the
 * terminal, else read as one line of standard input.
 */
@Command(
        name = "user",
        description =
                "登录用户（bcrypt 散列存于数据目录 users.yml）：add 添加、passwd 改密码、list 列出、hash 只打印散列。"
                        + "%n示例 Examples:%n  ledger user add zhangsan --role recorder --units jianghan-gov-office%n"
                        + "  ledger user passwd zhangsan%n  ledger user list",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.Passwd.class,
            UserCommand.ListUsers.class,
            UserCommand.Hash.class
        })
public class UserCommand implements Runnable {

    static final String NEW_PASSWORD = "LEDGER_NEW_PASSWORD";

    @Spec CommandSpec spec;

    @ParentCommand LedgerCommandLine ledger;

    @Override
    public void run() {
        throw Usage.error(spec, "cli.subcommandNeeded", "add, passwd, list, hash");
    }

    UsersFile file() {
        return new UsersFile(LedgerHome.of(ledger.environment).usersFile());
    }

    /**
     * The new password: the environment's, else asked twice on a terminal, else one line of stdin.
     */
    String newPassword(CommandSpec command) {
        Function<String, String> environment = ledger.environment;
        String given = environment.apply(NEW_PASSWORD);
        if (given != null && !given.isEmpty()) {
            return given;
        }
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("新密码 (new password): ");
            char[] second = console.readPassword("再输入一次 (again): ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw Usage.error(command, "cli.passwordsDiffer");
            }
            return new String(first);
        }
        try {
            String line =
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                            .readLine();
            if (line == null) {
                throw Usage.error(command, "cli.noNewPassword", NEW_PASSWORD);
            }
            return line;
        } catch (IOException e) {
            throw Usage.error(command, "cli.passwordUnreadable", e.getMessage());
        }
    }

    @Command(
            name = "add",
            description =
                    "添加用户 (add a user).%n示例: ledger user add zhangsan --role recorder --units unit-a,unit-b")
    static class Add implements Runnable {
        @ParentCommand UserCommand user;

        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "用户名：小写字母、数字、. _ - (user name)")
        String name;

        @Option(
                names = "--role",
                required = true,
                split = ",",
                description = "角色 recorder 录入、approver 审批、auditor 审计，可多个 (roles)")
        List<String> roles;

        @Option(
                names = "--units",
                required = true,
                split = ",",
                description = "可访问的单位代码，* 表示全部 (units the user may reach; * for all)")
        List<String> units;

        @Option(
                names = "--departments",
                split = ",",
                description =
                        "auditor、approver 可访问的部门代码：其全部单位和合并报表 (departments an auditor or"
                                + " approver may reach: all their units and their consolidated statements)")
        List<String> departments;

        @Override
        public void run() {
            UsersFile file = user.file();
            ConfiguredUser added =
                    file.add(
                            name,
                            user.newPassword(spec),
                            roles,
                            units,
                            departments == null ? List.of() : departments);
            PrintWriter out = spec.commandLine().getOut();
            out.println(
                    "已添加用户 "
                            + added.name()
                            + "（角色 "
                            + String.join("、", added.roles())
                            + "；单位 "
                            + String.join("、", added.units())
                            + (added.departments().isEmpty()
                                    ? ""
                                    : "；部门 " + String.join("、", added.departments()))
                            + "），写入 "
                            + file.path()
                            + "；ledger serve 重启后生效"
                            + " (user added; a running server reads it when restarted)");
        }
    }

    @Command(
            name = "passwd",
            description = "修改用户密码 (change a user's password).%n示例: ledger user passwd zhangsan")
    static class Passwd implements Runnable {
        @ParentCommand UserCommand user;

        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "用户名 (user name)")
        String name;

        @Override
        public void run() {
            UsersFile file = user.file();
            file.changePassword(name, user.newPassword(spec));
            spec.commandLine()
                    .getOut()
                    .println(
                            "已修改用户 "
                                    + name
                                    + " 的密码，写入 "
                                    + file.path()
                                    + "；ledger serve 重启后生效 (password changed)");
        }
    }

    @Command(
            name = "list",
            description = "列出用户、角色和单位，不显示散列 (list users, roles and units; no hashes).")
    static class ListUsers implements Runnable {
        @ParentCommand UserCommand user;

        @Spec CommandSpec spec;

        @Override
        public void run() {
            UsersFile file = user.file();
            PrintWriter out = spec.commandLine().getOut();
            List<ConfiguredUser> users = file.users();
            out.println("用户文件 (users file): " + file.path() + "，共 " + users.size() + " 个用户");
            out.println("用户\t角色\t单位");
            for (ConfiguredUser each : users) {
                out.println(
                        each.name()
                                + "\t"
                                + String.join(",", each.roles())
                                + "\t"
                                + String.join(",", each.units()));
            }
        }
    }

    @Command(
            name = "hash",
            description = "只打印一个 bcrypt 散列，用于自己的配置文件 (print a hash for ledger.security.users).")
    static class Hash implements Runnable {
        @ParentCommand UserCommand user;

        @Spec CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().getOut().println(UsersFile.hash(user.newPassword(spec)));
        }
    }
}
